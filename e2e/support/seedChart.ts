import type { Resource } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import type { Hex } from 'viem';
import { parseBundle } from '../../lib/fhir/parseBundle';
import { registerEncryptionKey, seedRecords } from '../../scripts/lib/seedRecords';
import { E2E_DATA_DIR, E2E_RPC_URL } from './env';

const SMALL_BUNDLE = 'fixtures/fhir/synthea-small-clemente-kreiger.json';

/**
 * The patient's small Synthea chart (70 records) sealed, stored and anchored as the browser would,
 * and each of `readerKeys` with an encryption key registered so keys can be shared with them.
 */
export async function seedSmallChart(patientKey: Hex, ...readerKeys: Hex[]): Promise<Resource[]> {
  const { resources } = parseBundle(readFileSync(SMALL_BUNDLE, 'utf8'));
  await seedRecords({ rpcUrl: E2E_RPC_URL, dataDir: E2E_DATA_DIR, patientKey, resources });
  for (const key of readerKeys) await registerEncryptionKey(E2E_RPC_URL, key);
  return resources;
}
