'use client';

import { useMemo } from 'react';
import { useClient } from 'wagmi';
import { chainConfig } from '@/lib/chain/chainConfig';
import { chainReader, type ChainReader } from '@/lib/chain/chainReader';

/** What every read in `lib/` takes, over wagmi's client for this build's chain. */
export function useChainClient(): ChainReader | undefined {
  const client = useClient({ chainId: chainConfig.chain.id });
  return useMemo(() => client && chainReader(client), [client]);
}
