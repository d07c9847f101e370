'use client';

import { skipToken, useQuery, type Query, type QueryKey } from '@tanstack/react-query';
import type { ChainReader } from '@/lib/chain/chainReader';
import { useChainClient } from './useChainClient';

export type ChainQueryOptions<TData, TKey extends QueryKey> = {
  queryKey: TKey;
  queryFn: () => Promise<TData>;
  staleTime?: number;
  refetchInterval?: number | ((query: Query<TData, Error, TData, TKey>) => number | false | undefined);
  retry?: number;
};

/**
 * A chain read from `lib/`'s query options, waiting for the client (and for `enabled`). The
 * options are built before there is a client because building them never touches it: only
 * `queryFn` does, and it runs once there is one.
 */
export function useChainQuery<TData, TKey extends QueryKey>(
  options: (client: ChainReader) => ChainQueryOptions<TData, TKey>,
  enabled = true,
) {
  const client = useChainClient();
  const built = options(client as ChainReader);
  return useQuery({ ...built, queryFn: client && enabled ? built.queryFn : skipToken });
}
