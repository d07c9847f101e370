'use client';

import { chainConfig } from '@/lib/chain/chainConfig';
import { chainTimeQueryOptions } from '@/lib/chain/chainTime';
import { useChainQuery } from './useChainQuery';

/**
 * The chain's latest block time in seconds, shared by every component of the page and read again
 * each minute, so that what is judged by it (an emergency window still open) goes stale by a
 * minute at most.
 */
export function useChainTime() {
  return useChainQuery((client) => ({
    ...chainTimeQueryOptions(client, chainConfig.chain.id),
    refetchInterval: 60_000,
  }));
}
