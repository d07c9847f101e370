import type { Address } from 'viem';
import type { ChainConfig } from '../chain/readChainConfig';

/** The EmergencyAccess address, or an error that says break glass is not deployed on this chain. */
export function emergencyAccessAddress(config: ChainConfig): Address {
  if (!config.emergencyAccess) throw new Error(`No EmergencyAccess on chain ${config.chain.id}`);
  return config.emergencyAccess;
}
