'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Address } from 'viem';
import { useChainClient } from '@/components/hooks/useChainClient';
import { usePatientSealingKeys } from '@/components/hooks/usePatientSealingKeys';
import { ImportRecords } from '@/components/records/ImportRecords';
import { VaultGate } from '@/components/vault/VaultGate';
import { WalletGate } from '@/components/wallet/WalletGate';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { RpcUnreachableError } from '@/lib/errors/OwnChartError';
import { resourceFingerprint } from '@/lib/vault/resourceFingerprint';
import { vaultRecordsQueryOptions } from '@/lib/vault/vaultQueryOptions';

function Import({ patient, keys }: { patient: Address; keys: EncryptionKeyPair }) {
  const client = useChainClient();
  const queryClient = useQueryClient();
  const sealingKeys = usePatientSealingKeys(patient, keys);
  // Read fresh at the moment of import: after a failed attempt, what did get anchored counts.
  const storedFingerprints = useCallback(async () => {
    if (!client) throw new RpcUnreachableError();
    const { records } = await queryClient.fetchQuery({
      ...vaultRecordsQueryOptions(client, chainConfig, { patient, reader: patient, keys }),
      staleTime: 0,
    });
    return new Set(records.flatMap((r) => (r.resource ? [resourceFingerprint(r.resource)] : [])));
  }, [client, keys, patient, queryClient]);
  return <ImportRecords patient={patient} storedFingerprints={storedFingerprints} sealingKeys={sealingKeys} />;
}

export function PatientImport() {
  return (
    <WalletGate purpose="import your records">
      {(address) => (
        <VaultGate account={address} purpose="import records">
          {(keys) => <Import patient={address} keys={keys} />}
        </VaultGate>
      )}
    </WalletGate>
  );
}
