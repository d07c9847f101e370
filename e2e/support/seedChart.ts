import type { Resource } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import type { Address, Hex } from 'viem';
import { accessRegistryAbi } from '../../contracts-abi';
import { categoriesToMask, type CategoryKey } from '../../lib/categories';
import { parseBundle } from '../../lib/fhir/parseBundle';
import { chainWriter } from '../../scripts/lib/chainWriter';
import { registerEncryptionKey, seedRecords, shareRecordKeys } from '../../scripts/lib/seedRecords';
import { e2eDatabase } from './database';
import { E2E_DATA_DIR, E2E_RPC_URL } from './env';

const SMALL_BUNDLE = 'fixtures/fhir/synthea-small-clemente-kreiger.json';

/**
 * The patient's small Synthea chart (70 records) sealed, stored and anchored as the browser would,
 * and each of `readerKeys` with an encryption key registered so keys can be shared with them.
 */
export async function seedSmallChart(patientKey: Hex, ...readerKeys: Hex[]): Promise<Resource[]> {
  const { resources } = parseBundle(readFileSync(SMALL_BUNDLE, 'utf8'));
  await seedRecords({ rpcUrl: E2E_RPC_URL, dataDir: E2E_DATA_DIR, db: await e2eDatabase(), patientKey, resources });
  for (const key of readerKeys) await registerEncryptionKey(E2E_RPC_URL, key);
  return resources;
}

/**
 * The patient's own signed grant of `categories` (read only) to `grantee`, then the category keys
 * shared with them as the patient's browser would: what a test needs before a clinician reads.
 */
export async function grantAndShareKeys(patientKey: Hex, grantee: Address, categories: CategoryKey[]): Promise<void> {
  const { config, account, wallet, confirm } = chainWriter(E2E_RPC_URL, patientKey);
  await confirm(
    wallet.writeContract({
      address: config.accessRegistry,
      abi: accessRegistryAbi,
      functionName: 'grant',
      args: [account.address, grantee, categoriesToMask(categories), 1, 0],
    }),
    `grant ${categories.join(', ')} to ${grantee}`,
  );
  await shareRecordKeys({ rpcUrl: E2E_RPC_URL, db: await e2eDatabase(), patientKey });
}
