import { describe, expect, it } from 'vitest';
import { InvalidBreakGlassInputError, parseBreakGlassForm } from './parseBreakGlassForm';
import { EMERGENCY_REASONS } from './reasons';

const patient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const reason = String(EMERGENCY_REASONS[0]!.code);

describe('parseBreakGlassForm', () => {
  it('returns the checksummed patient and the reason code', () => {
    expect(parseBreakGlassForm({ patient: ` ${patient.toLowerCase()} `, reason, confirmed: true })).toEqual({
      patient,
      code: EMERGENCY_REASONS[0]!.code,
    });
  });

  it.each([
    [{ patient: 'not an address', reason, confirmed: true }, 'Enter the patient’s address from their emergency card.'],
    [{ patient, reason: '', confirmed: true }, 'Choose the reason for emergency access.'],
    [{ patient, reason: '99', confirmed: true }, 'Choose the reason for emergency access.'],
    [{ patient, reason, confirmed: false }, 'Confirm that this is an emergency.'],
  ])('refuses %j: %s', (values, message) => {
    expect(() => parseBreakGlassForm(values)).toThrow(new InvalidBreakGlassInputError(message));
  });
});
