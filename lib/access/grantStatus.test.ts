import { describe, expect, it } from 'vitest';
import { grantStatus } from './grantStatus';

describe('grantStatus', () => {
  it('is active with no expiry', () => expect(grantStatus({ expiresAt: null }, 2_000_000_000)).toBe('active'));
  it('is active until the expiry second and expired from it, like the contract', () => {
    expect(grantStatus({ expiresAt: 100 }, 99)).toBe('active');
    expect(grantStatus({ expiresAt: 100 }, 100)).toBe('expired');
  });
});
