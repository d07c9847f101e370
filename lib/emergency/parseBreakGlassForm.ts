import { getAddress, isAddress, type Address } from 'viem';
import { OwnChartError } from '../errors/OwnChartError';
import { EMERGENCY_REASONS } from './reasons';

export type BreakGlassFormValues = { patient: string; reason: string; confirmed: boolean };

/** A break-glass form value that cannot be sent, said before the wallet opens. */
export class InvalidBreakGlassInputError extends OwnChartError {
  override name = 'InvalidBreakGlassInputError';
}

/** Checks the responder's form: the patient from the card, a listed reason, the confirmation. */
export function parseBreakGlassForm(values: BreakGlassFormValues): { patient: Address; code: number } {
  const address = values.patient.trim();
  if (!isAddress(address, { strict: false })) {
    throw new InvalidBreakGlassInputError('Enter the patient’s address from their emergency card.');
  }
  const code = Number(values.reason);
  if (!values.reason || !EMERGENCY_REASONS.some((r) => r.code === code)) {
    throw new InvalidBreakGlassInputError('Choose the reason for emergency access.');
  }
  if (!values.confirmed) throw new InvalidBreakGlassInputError('Confirm that this is an emergency.');
  return { patient: getAddress(address), code };
}
