'use client';

import { useQuery } from '@tanstack/react-query';
import type { Address, PublicClient } from 'viem';
import { usePublicClient } from 'wagmi';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { vaultKeys } from '@/lib/vault/queryKeys';
import { syncKeyEnvelopes } from '@/lib/vault/syncKeyEnvelopes';
import { listEnvelopes, storeEnvelopes } from '@/lib/vault/vaultApi';

/**
 * Shares the patient's category keys with everyone granted, whenever the grants change: `version`
 * is the grant list's update time, so a confirmed grant or revoke triggers a fresh sync.
 */
export function useKeySync(patient: Address, keys: EncryptionKeyPair | undefined, version: number) {
  const client = usePublicClient() as PublicClient | undefined;
  return useQuery({
    queryKey: [...vaultKeys.keySync(chainConfig.chain.id, patient), version],
    queryFn: () => syncKeyEnvelopes(client!, chainConfig, { patient, keys: keys!, listEnvelopes, storeEnvelopes }),
    enabled: Boolean(client && keys),
    staleTime: Infinity,
    retry: 1,
  });
}
