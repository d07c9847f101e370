import { formatGwei, hexToBytes, type Hex } from 'viem';

/**
 * What one transaction costs on an OP Stack L2 (Base, OP Mainnet), from the Ecotone fee rules the
 * chain's GasPriceOracle applies: L2 execution (gas × L2 gas price) plus the L1 data fee for
 * posting the transaction to Ethereum. Fjord and later estimate the data by its FastLZ-compressed
 * size, usually lower: this is the upper estimate, with every input stated.
 */
export type OpStackFeeParameters = {
  /** L2 gas price, wei. */
  l2GasPrice: bigint;
  /** Ethereum's base fee, wei. */
  l1BaseFee: bigint;
  /** Ethereum's blob base fee, wei. */
  blobBaseFee: bigint;
  /** The chain's scalars (6 decimals), as its GasPriceOracle reports them. */
  baseFeeScalar: bigint;
  blobBaseFeeScalar: bigint;
};

/** GasPriceOracle._getCalldataGas: 4 per zero byte, 16 per other byte, and 68 bytes for the signature. */
export function l1CalldataGas(unsignedTransaction: Hex): bigint {
  let gas = 0n;
  for (const byte of hexToBytes(unsignedTransaction)) gas += byte === 0 ? 4n : 16n;
  return gas + 68n * 16n;
}

/** GasPriceOracle._getL1FeeEcotone, wei. */
export function l1DataFee(unsignedTransaction: Hex, p: OpStackFeeParameters): bigint {
  const weighted = p.baseFeeScalar * 16n * p.l1BaseFee + p.blobBaseFeeScalar * p.blobBaseFee;
  return (l1CalldataGas(unsignedTransaction) * weighted) / (16n * 10n ** 6n);
}

export function opStackFee(gasUsed: bigint, unsignedTransaction: Hex, p: OpStackFeeParameters) {
  const execution = gasUsed * p.l2GasPrice;
  const data = l1DataFee(unsignedTransaction, p);
  return { execution, data, total: execution + data };
}

/** The inputs in words, for a figure that says what it assumed. */
export function describeFeeParameters(p: OpStackFeeParameters): string {
  return `L2 gas ${formatGwei(p.l2GasPrice)} gwei, L1 base fee ${formatGwei(p.l1BaseFee)} gwei, blob base fee ${formatGwei(p.blobBaseFee)} gwei, scalars ${p.baseFeeScalar}/${p.blobBaseFeeScalar}`;
}
