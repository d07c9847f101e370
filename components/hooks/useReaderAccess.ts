'use client';

import type { Address } from 'viem';
import { readerAccessKeys } from '@/lib/auth/queryKeys';
import { msUntilAccessChanges, readerAccessQueryOptions, type ReaderAccess } from '@/lib/auth/readerAccess';
import { chainConfig } from '@/lib/chain/chainConfig';
import { useChainQuery } from './useChainQuery';

/**
 * What `reader` may read of `patient`'s records now, and on what basis (one multicall), read
 * again a second after the first part of it ends.
 */
export function useReaderAccess(patient: Address, reader: Address) {
  return useChainQuery<ReaderAccess, ReturnType<typeof readerAccessKeys.of>>((client) => ({
    ...readerAccessQueryOptions(client, chainConfig, { reader, patient }),
    refetchInterval: (query) => {
      const ms = query.state.data ? msUntilAccessChanges(query.state.data) : null;
      return ms === null ? false : ms + 1_000;
    },
  }));
}
