import type { Address } from 'viem';
import type { ChainConfig } from '../chain/readChainConfig';
import { OwnChartError } from '../errors/OwnChartError';

export type VaultContracts = { recordRoots: Address; keyDirectory: Address };

/** The records vault's contracts on this chain, or a clear error where it is not deployed. */
export function vaultContracts(config: ChainConfig): VaultContracts {
  if (!config.recordRoots || !config.keyDirectory) {
    throw new OwnChartError(`The records vault is not deployed on ${config.chain.name}.`, {
      details: 'Set NEXT_PUBLIC_RECORD_ROOTS_ADDRESS and NEXT_PUBLIC_KEY_DIRECTORY_ADDRESS.',
    });
  }
  return { recordRoots: config.recordRoots, keyDirectory: config.keyDirectory };
}
