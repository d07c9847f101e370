'use client';

import type { Address } from 'viem';
import { readerAccessQueryOptions } from '@/lib/auth/readerAccess';
import { chainConfig } from '@/lib/chain/chainConfig';
import { useChainQuery } from './useChainQuery';

/** What `reader` may read of `patient`'s records now, and on what basis (one multicall). */
export function useReaderAccess(patient: Address, reader: Address) {
  return useChainQuery((client) => readerAccessQueryOptions(client, chainConfig, { reader, patient }));
}
