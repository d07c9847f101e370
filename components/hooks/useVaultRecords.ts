'use client';

import { skipToken, useQuery } from '@tanstack/react-query';
import type { Address, PublicClient } from 'viem';
import { usePublicClient } from 'wagmi';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { vaultKeys } from '@/lib/vault/queryKeys';
import { vaultRecordsQueryOptions } from '@/lib/vault/vaultQueryOptions';

/** `patient`'s records as `reader` may see them, decrypted in this browser. */
export function useVaultRecords(patient: Address, reader: Address, keys: EncryptionKeyPair) {
  const client = usePublicClient() as PublicClient | undefined;
  return useQuery({
    ...(client
      ? vaultRecordsQueryOptions(client, chainConfig, { patient, reader, keys })
      : { queryKey: vaultKeys.records(chainConfig.chain.id, patient, reader), queryFn: skipToken }),
    // Decrypted records stay in memory only; they are refetched after anything that changes them.
    staleTime: Infinity,
  });
}
