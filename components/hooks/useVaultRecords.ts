'use client';

import type { Address } from 'viem';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { vaultRecordsQueryOptions } from '@/lib/vault/vaultQueryOptions';
import { useChainQuery } from './useChainQuery';

/** `patient`'s records as `reader` may see them, decrypted in this browser. */
export function useVaultRecords(patient: Address, reader: Address, keys: EncryptionKeyPair) {
  return useChainQuery((client) => ({
    ...vaultRecordsQueryOptions(client, chainConfig, { patient, reader, keys }),
    // Decrypted records stay in memory only; they are refetched after anything that changes them.
    staleTime: Infinity,
  }));
}
