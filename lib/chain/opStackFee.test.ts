import { describe, expect, it } from 'vitest';
import { l1CalldataGas, l1DataFee, opStackFee } from './opStackFee';

const params = {
  l2GasPrice: 10n ** 7n,
  l1BaseFee: 10n ** 9n,
  blobBaseFee: 1n,
  baseFeeScalar: 2269n,
  blobBaseFeeScalar: 1_055_762n,
};

describe('the OP Stack (Ecotone) fee model', () => {
  it('counts calldata as the GasPriceOracle does: 4 per zero byte, 16 per other, plus the signature', () => {
    expect(l1CalldataGas('0x')).toBe(68n * 16n);
    expect(l1CalldataGas('0x0001ff00')).toBe(4n + 16n + 16n + 4n + 68n * 16n);
  });

  it('prices the data by both scalars and adds L2 execution', () => {
    // 100 non-zero bytes: (1600 + 1088) × (2269 × 16 × 1 gwei + 1,055,762 × 1 wei) / 16e6.
    const tx = `0x${'ff'.repeat(100)}` as const;
    const expected = (2688n * (2269n * 16n * 10n ** 9n + 1_055_762n)) / (16n * 10n ** 6n);
    expect(l1DataFee(tx, params)).toBe(expected);
    expect(opStackFee(50_000n, tx, params)).toEqual({
      execution: 50_000n * 10n ** 7n,
      data: expected,
      total: 50_000n * 10n ** 7n + expected,
    });
  });
});
