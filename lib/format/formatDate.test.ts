import { afterEach, describe, expect, it } from 'vitest';
import { fhirDayUtc, formatFhirDate } from './formatDate';

const zone = process.env.TZ;

describe('FHIR dates', () => {
  afterEach(() => {
    process.env.TZ = zone;
  });

  it('reads a time without a zone as UTC, so every machine files it under the same day', () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo']) {
      process.env.TZ = tz;
      expect(fhirDayUtc('2019-12-31T20:00:00')).toBe('2019-12-31');
      expect(formatFhirDate('2019-12-31T20:00:00')).toBe('31 Dec 2019');
    }
  });

  it('shows the UTC day of a time with an offset, and keeps partial dates as they are', () => {
    expect(fhirDayUtc('2018-12-31T23:30:00-05:00')).toBe('2019-01-01');
    expect(formatFhirDate('2018-12-31T23:30:00-05:00')).toBe('1 Jan 2019');
    expect(fhirDayUtc('2019-03')).toBe('2019-03');
    expect(formatFhirDate('2019')).toBe('2019');
    expect(fhirDayUtc('not a date')).toBeNull();
  });
});
