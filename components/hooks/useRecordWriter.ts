'use client';

import type { Resource } from '@medplum/fhirtypes';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Address } from 'viem';
import { useConfig } from 'wagmi';
import { recordIndexAbi } from '@/contracts-abi';
import { chainConfig } from '@/lib/chain/chainConfig';
import { importRecords, type ImportProgress, type ImportResult } from '@/lib/vault/importRecords';
import { vaultKeys } from '@/lib/vault/queryKeys';
import type { SealingKeys } from '@/lib/vault/sealingKeys';
import { sealRecord } from '@/lib/vault/sealRecord';
import { uploadBlob } from '@/lib/vault/vaultApi';
import { vaultContracts } from '@/lib/vault/vaultContracts';
import { sendAndConfirm } from './useTransactor';

/**
 * Writes resources into `patient`'s records as the connected account: seal in the browser, upload
 * ciphertext, anchor each batch in one signed transaction; then refresh every view of the records.
 */
export function useRecordWriter(patient: Address) {
  const config = useConfig();
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
      const { recordIndex } = vaultContracts(chainConfig);
      try {
        return await importRecords(items, alreadyStored, {
          seal: async (resource, category) => {
            const { key, version } = await sealingKeys(category);
            return sealRecord(resource, key, { category, keyVersion: version });
          },
          upload: (bytes, hash, category) => uploadBlob(patient, category, bytes, hash),
          anchor: async (batch) => {
            await sendAndConfirm(config, {
              address: recordIndex,
              abi: recordIndexAbi,
              functionName: 'anchor',
              args: [patient, batch.map((r) => r.hash), batch.map((r) => r.category)],
            });
          },
          onProgress,
        });
      } finally {
        // Whatever was anchored before a failure is real: show it.
        await queryClient.invalidateQueries({ queryKey: [...vaultKeys.all(chainConfig.chain.id), 'records', patient] });
      }
    },
    [config, patient, queryClient],
  );
}
