import { describe, expect, it } from 'vitest';
import { InvalidFundingAmountError, parseFundingAmount } from './parseFundingAmount';

const usd = { decimals: 6 };

describe('parseFundingAmount', () => {
  it('reads whole and decimal amounts in the token’s units', () => {
    expect(parseFundingAmount('500', usd)).toBe(500_000_000n);
    expect(parseFundingAmount(' 12.5 ', usd)).toBe(12_500_000n);
  });

  it.each(['', '   ', '0', '-5', 'five hundred', '1.2.3', '0.0000001'])('refuses %j', (amount) => {
    expect(() => parseFundingAmount(amount, usd)).toThrow(
      new InvalidFundingAmountError('Enter an amount greater than zero, such as 500.'),
    );
  });
});
