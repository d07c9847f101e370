import type { Address } from 'viem';
import type { ChainConfig } from '../chain/readChainConfig';

/**
 * Whether a study pays in this deployment's configured reward token. Anyone can publish a study
 * naming any contract as its token, and a contract's symbol() can say anything ("USDC"), so
 * only the configured token's amounts are shown as money.
 */
export function paysInConfiguredToken(study: { token: Address }, config: ChainConfig): boolean {
  return config.research !== null && study.token.toLowerCase() === config.research.rewardToken.toLowerCase();
}
