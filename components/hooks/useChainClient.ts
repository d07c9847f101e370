'use client';

import type { PublicClient } from 'viem';
import { usePublicClient } from 'wagmi';
import { chainConfig } from '@/lib/chain/chainConfig';

/**
 * The public client for this build's chain, typed as the chain-agnostic viem `PublicClient` that
 * every read in `lib/` takes. wagmi types its client by the configured chain, so this is the one
 * place that says they are the same thing.
 */
export function useChainClient(): PublicClient | undefined {
  return usePublicClient({ chainId: chainConfig.chain.id }) as PublicClient | undefined;
}
