'use client';

import { useCallback } from 'react';
import type { Address } from 'viem';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { RpcUnreachableError } from '@/lib/errors/OwnChartError';
import { patientSealingKeys } from '@/lib/vault/sealingKeys';
import { useChainClient } from './useChainClient';

/** The patient's category keys at their current versions, read when a write needs them. */
export function usePatientSealingKeys(patient: Address, keys: EncryptionKeyPair) {
  const client = useChainClient();
  return useCallback(async () => {
    if (!client) throw new RpcUnreachableError();
    return patientSealingKeys(client, chainConfig, patient, keys);
  }, [client, patient, keys]);
}
