import { getAddress, isAddress, type Address } from 'viem';
import { categoriesToMask, type CategoryKey } from '../categories';
import { OwnChartError } from '../errors/OwnChartError';
import { endOfDayUtc } from '../format/formatDate';
import { permissionToChain } from './permission';
import type { Permission } from './types';

export type GrantFormValues = {
  grantee: string;
  allRecords: boolean;
  categories: CategoryKey[];
  permission: Permission;
  /** YYYY-MM-DD from a date input, or empty for no expiry. */
  expiresOn: string;
};

export type GrantArgs = readonly [Address, Address, number, 1 | 2, number];

/** A form value the contract would refuse; `field` names the input to point at. */
export class InvalidGrantInputError extends OwnChartError {
  override name = 'InvalidGrantInputError';
  readonly field: keyof GrantFormValues;
  constructor(field: keyof GrantFormValues, message: string) {
    super(message);
    this.field = field;
  }
}

/**
 * Checks the grant form before the wallet is asked to sign, with the same rules as the contract,
 * and returns the `grant` call's arguments. `now` is chain time in seconds.
 */
export function parseGrantForm(
  values: GrantFormValues,
  patient: Address,
  allCategoriesMask: number,
  now: number,
): GrantArgs {
  const grantee = values.grantee.trim();
  if (!isAddress(grantee, { strict: false })) {
    throw new InvalidGrantInputError('grantee', 'Enter a valid address: 0x followed by 40 hexadecimal characters.');
  }
  if (/^0x0{40}$/i.test(grantee)) {
    throw new InvalidGrantInputError('grantee', 'The zero address cannot read records. Enter the clinician’s address.');
  }
  if (getAddress(grantee) === getAddress(patient)) {
    throw new InvalidGrantInputError('grantee', 'That is your own address: you can always read your own records.');
  }
  const mask = values.allRecords ? allCategoriesMask : categoriesToMask(values.categories);
  if (mask === 0) {
    throw new InvalidGrantInputError('categories', 'Choose at least one category, or All records.');
  }
  let expiresAt = 0;
  if (values.expiresOn) {
    try {
      expiresAt = endOfDayUtc(values.expiresOn);
    } catch {
      throw new InvalidGrantInputError('expiresOn', 'Enter the expiry as a date, or leave it empty for no expiry.');
    }
    if (expiresAt <= now) {
      throw new InvalidGrantInputError('expiresOn', 'The expiry date has already passed. Choose a later date.');
    }
  }
  return [getAddress(patient), getAddress(grantee), mask, permissionToChain(values.permission), expiresAt];
}
