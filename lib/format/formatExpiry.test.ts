import { describe, expect, it } from 'vitest';
import { endOfDayUtc } from './formatDate';
import { formatExpiry } from './formatExpiry';

describe('formatExpiry', () => {
  it('shows a date-picked expiry as the last day of access', () =>
    expect(formatExpiry(endOfDayUtc('2026-12-25'))).toBe('25 Dec 2026'));
  it('shows any other expiry with its time', () =>
    expect(formatExpiry(Date.UTC(2026, 11, 25, 14, 30) / 1000)).toBe('25 Dec 2026, 14:30 UTC'));
  it('says when there is none', () => expect(formatExpiry(null)).toBe('No expiry'));
});
