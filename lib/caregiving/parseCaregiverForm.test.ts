import { describe, expect, it } from 'vitest';
import { InvalidCaregiverInputError, parseCaregiverForm } from './parseCaregiverForm';

const patient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const daughter = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const now = Date.UTC(2026, 11, 1, 12) / 1000;

describe('parseCaregiverForm', () => {
  it('appoints the caregiver until the end of the chosen day (UTC), checksummed', () => {
    expect(parseCaregiverForm({ caregiver: ` ${daughter.toLowerCase()} `, until: '2026-12-31' }, patient, now)).toEqual(
      {
        caregiver: daughter,
        expiresAt: Date.UTC(2027, 0, 1) / 1000,
      },
    );
  });

  it.each([
    [{ caregiver: '0x123', until: '2026-12-31' }, 'Enter your caregiver’s address.'],
    [{ caregiver: patient.toLowerCase(), until: '2026-12-31' }, 'That is your own address.'],
    [{ caregiver: daughter, until: '' }, 'Choose until when they may act for you.'],
    [{ caregiver: daughter, until: '2026-11-30' }, 'That date has passed. Choose a later one.'],
  ])('refuses %j before the wallet opens: %s', (values, message) => {
    expect(() => parseCaregiverForm(values, patient, now)).toThrow(new InvalidCaregiverInputError(message));
  });

  it('lets today be chosen: the appointment lasts to the end of it', () => {
    expect(parseCaregiverForm({ caregiver: daughter, until: '2026-12-01' }, patient, now).expiresAt).toBe(
      Date.UTC(2026, 11, 2) / 1000,
    );
  });
});
