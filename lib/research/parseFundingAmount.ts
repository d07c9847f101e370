import { parseUnits } from 'viem';
import { OwnChartError } from '../errors/OwnChartError';
import type { TokenInfo } from './readStudies';

/** A funding amount that cannot be deposited, said before the wallet opens. */
export class InvalidFundingAmountError extends OwnChartError {
  override name = 'InvalidFundingAmountError';
}

/** The amount a researcher typed, in the token's smallest unit; refuses anything not above zero. */
export function parseFundingAmount(amount: string, token: Pick<TokenInfo, 'decimals'>): bigint {
  let value: bigint;
  try {
    value = parseUnits(amount.trim(), token.decimals);
  } catch {
    throw new InvalidFundingAmountError('Enter an amount greater than zero, such as 500.');
  }
  if (!/\d/.test(amount) || value <= 0n)
    throw new InvalidFundingAmountError('Enter an amount greater than zero, such as 500.');
  return value;
}
