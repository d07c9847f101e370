'use client';

import type { Resource } from '@medplum/fhirtypes';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { chainConfig } from '@/lib/chain/chainConfig';
import { OwnChartError } from '@/lib/errors/OwnChartError';
import type { ImportProgress, ImportResult } from '@/lib/vault/importRecords';
import type { SealingKeys } from '@/lib/vault/sealingKeys';
import { sealRecord } from '@/lib/vault/sealRecord';
import { uploadBlobs, uploadManifest } from '@/lib/vault/vaultApi';
import { afterRecordsChange, anchorRecords } from '@/lib/vault/actions';
import { useSendAndConfirm } from './useAction';

/**
 * Writes resources into `patient`'s records as the connected account: seal in the browser, upload
 * the import's manifest and ciphertext, anchor its Merkle root in one signed transaction; then
 * refresh every view of the records.
 */
export function useRecordWriter(patient: Address) {
  const sendAndConfirm = useSendAndConfirm();
  const { address: author } = useAccount();
  const queryClient = useQueryClient();

  return useCallback(
    async (
      items: readonly { resource: Resource; category: number }[],
      {
        sealingKeys,
        alreadyStored = new Set<string>(),
        onProgress,
      }: { sealingKeys: SealingKeys; alreadyStored?: ReadonlySet<string>; onProgress?: (p: ImportProgress) => void },
    ): Promise<ImportResult> => {
      if (!author) throw new OwnChartError('Connect a wallet to add records.');
      // Loaded on the first write, not with the page (the Merkle tree code is a good part of it).
      const { importRecords } = await import('@/lib/vault/importRecords');
      try {
        return await importRecords(
          items,
          alreadyStored,
          { patient, author },
          {
            seal: async (resource, category) => {
              const { key, version } = await sealingKeys(category);
              return sealRecord(resource, key, { category, keyVersion: version });
            },
            uploadManifest: (manifest) => uploadManifest(patient, manifest),
            upload: (records, manifestHash) => uploadBlobs(patient, records, manifestHash),
            anchor: async (root) => {
              await sendAndConfirm(anchorRecords(chainConfig, { patient, root }));
            },
            onProgress,
          },
        );
      } finally {
        // One import may anchor several trees: refresh once at the end, after a failure too, since
        // whatever was anchored before it is real.
        for (const queryKey of afterRecordsChange(chainConfig, patient))
          await queryClient.invalidateQueries({ queryKey });
      }
    },
    [author, sendAndConfirm, patient, queryClient],
  );
}
