import { getAddress, isAddress, type Address } from 'viem';
import { OwnChartError } from '../errors/OwnChartError';
import { endOfDayUtc } from '../format/formatDate';

export type CaregiverFormValues = { caregiver: string; until: string };

/** A caregiver form value the contract would refuse, said before the wallet opens. */
export class InvalidCaregiverInputError extends OwnChartError {
  override name = 'InvalidCaregiverInputError';
}

/**
 * Checks the caregiver form with the contract's rules and returns who is appointed until when
 * (the end of the chosen day, UTC). `now` is chain time in seconds.
 */
export function parseCaregiverForm(
  values: CaregiverFormValues,
  patient: Address,
  now: number,
): { caregiver: Address; expiresAt: number } {
  const address = values.caregiver.trim();
  if (!isAddress(address, { strict: false })) throw new InvalidCaregiverInputError('Enter your caregiver’s address.');
  const caregiver = getAddress(address);
  if (caregiver === getAddress(patient)) throw new InvalidCaregiverInputError('That is your own address.');
  let expiresAt: number;
  try {
    expiresAt = endOfDayUtc(values.until);
  } catch {
    throw new InvalidCaregiverInputError('Choose until when they may act for you.');
  }
  if (expiresAt <= now) throw new InvalidCaregiverInputError('That date has passed. Choose a later one.');
  return { caregiver, expiresAt };
}
