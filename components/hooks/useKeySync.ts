'use client';

import { useQueryClient } from '@tanstack/react-query';
import type { Address } from 'viem';
import { granteesQueryOptions, historyQueryOptions } from '@/lib/access/accessQueryOptions';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { vaultKeys } from '@/lib/vault/queryKeys';
import { syncKeyEnvelopes } from '@/lib/vault/syncKeyEnvelopes';
import { listEnvelopes, storeEnvelopes } from '@/lib/vault/vaultApi';
import { useChainQuery } from './useChainQuery';

/** How old the page's grants and history may be for the key sync to reuse them instead of reading again. */
const REUSE_READS_MS = 10_000;

/**
 * Shares the patient's category keys with everyone they have granted: when the vault is unlocked,
 * whenever a page that shows it opens more than ten seconds after the last run (so grants made on
 * another device, by a caregiver, or a grantee's newly registered key are caught up, as before),
 * and as the follow-up of every action that changes who may read, each of which refreshes the
 * grants and history first so the sync reuses those reads. The server checks every recipient
 * against the chain, so a stale read can delay a key, never hand one to someone without access.
 */
export function useKeySync(patient: Address, keys: EncryptionKeyPair) {
  const queryClient = useQueryClient();
  return useChainQuery((client) => ({
    queryKey: vaultKeys.keySync(chainConfig.chain.id, patient),
    queryFn: async () => {
      const [grants, history] = await Promise.all([
        queryClient.fetchQuery({ ...granteesQueryOptions(client, chainConfig, patient), staleTime: REUSE_READS_MS }),
        queryClient.fetchQuery({ ...historyQueryOptions(client, chainConfig, patient), staleTime: REUSE_READS_MS }),
      ]);
      return syncKeyEnvelopes(client, chainConfig, { patient, keys, listEnvelopes, storeEnvelopes, grants, history });
    },
    staleTime: REUSE_READS_MS,
    retry: 1,
  }));
}
