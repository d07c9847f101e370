import type { Resource } from '@medplum/fhirtypes';
import { bytesToHex, type Hex } from 'viem';
import { keyDirectoryAbi, recordRootsAbi } from '../../contracts-abi';
import { CATEGORIES } from '../../lib/categories';
import { keyDerivationTypedData, type EncryptionKeyPair } from '../../lib/crypto/encryptionKeyFromSignature';
import { categorizeResource } from '../../lib/fhir/categorizeResource';
import { manifestScope, recordScope } from '../../lib/storage/BlobStore';
import type { ServerDatabase } from '../../lib/db/openDatabase';
import { SqlKeyEnvelopeStore } from '../../lib/db/SqlKeyEnvelopeStore';
import { BoundBlobStore } from '../../lib/storage/BoundBlobStore';
import { objectStoreFromEnv } from '../../lib/storage/objectStoreFromEnv';
import { deriveCategoryKey } from '../../lib/vault/categoryKeys';
import { importRecords } from '../../lib/vault/importRecords';
import { readKeyVersions } from '../../lib/vault/readKeyVersions';
import { sealRecord } from '../../lib/vault/sealRecord';
import { syncKeyEnvelopes } from '../../lib/vault/syncKeyEnvelopes';
import { readRegisteredKey } from '../../lib/vault/registeredKey';
import { isUnregistered } from '../../lib/vault/checkEncryptionKey';
import { deriveEncryptionKey } from '../../lib/crypto/deriveEncryptionKey';
import { vaultContracts } from '../../lib/vault/vaultContracts';
import { chainWriter } from './chainWriter';

/**
 * Seeding the records vault the way the browser fills it, from Node: the same key derivation,
 * sealing, batching and anchoring code, with real signed transactions; blobs and envelopes are
 * written straight into the storage server's data directory (what its upload handlers would do).
 */

/** Derives the account's encryption key as the app does and registers it if it has none. */
export async function registerEncryptionKey(rpcUrl: string, privateKey: Hex): Promise<EncryptionKeyPair> {
  const { config, account, client, wallet, confirm } = chainWriter(rpcUrl, privateKey);
  const contracts = vaultContracts(config);
  const registered = await readRegisteredKey(client, config, account.address);
  const keys = await deriveEncryptionKey(() => account.signTypedData(keyDerivationTypedData(config.chain.id)), {
    settingUp: isUnregistered(registered),
  });
  if (isUnregistered(registered)) {
    await confirm(
      wallet.writeContract({
        address: contracts.keyDirectory,
        abi: keyDirectoryAbi,
        functionName: 'registerKey',
        args: [bytesToHex(keys.publicKey)],
      }),
      'register encryption key',
    );
  }
  return keys;
}

/** Seals, stores and anchors `resources` as the patient's own records, filed by category. */
export async function seedRecords({
  rpcUrl,
  dataDir,
  db,
  patientKey,
  resources,
}: {
  rpcUrl: string;
  dataDir: string;
  db: ServerDatabase;
  patientKey: Hex;
  resources: readonly Resource[];
}): Promise<number> {
  const { config, account, client, wallet, confirm } = chainWriter(rpcUrl, patientKey);
  const contracts = vaultContracts(config);
  const keys = await registerEncryptionKey(rpcUrl, patientKey);
  const versions = await readKeyVersions(client, config, account.address);
  const store = new BoundBlobStore(db, objectStoreFromEnv(dataDir, 'blobs'));
  const items = resources.map((resource) => ({
    resource,
    category: CATEGORIES.find((c) => c.key === categorizeResource(resource))!.bit,
  }));
  let root: Hex | null = null;
  const { stored } = await importRecords(
    items,
    new Set(),
    { patient: account.address, author: account.address },
    {
      seal: (resource, category) =>
        sealRecord(resource, deriveCategoryKey(keys.privateKey, category, versions[category]!), {
          category,
          keyVersion: versions[category]!,
        }),
      uploadManifest: async (manifest) => {
        root = manifest.root;
        const bytes = new TextEncoder().encode(JSON.stringify(manifest));
        return (
          await store.put(manifestScope(account.address), bytes, { uploader: account.address, category: null, root })
        ).hash;
      },
      upload: async (records) => {
        for (const { bytes, category } of records) {
          await store.put(recordScope(account.address), bytes, { uploader: account.address, category, root: root! });
        }
      },
      anchor: (anchoredRoot) =>
        confirm(
          wallet.writeContract({
            address: contracts.recordRoots,
            abi: recordRootsAbi,
            functionName: 'anchor',
            args: [account.address, anchoredRoot],
          }),
          'anchor records',
        ),
    },
  );
  return stored;
}

/** What the patient's browser does on unlock: seal category keys to everyone granted. */
export async function shareRecordKeys({
  rpcUrl,
  db,
  patientKey,
}: {
  rpcUrl: string;
  db: ServerDatabase;
  patientKey: Hex;
}) {
  const { config, account, client } = chainWriter(rpcUrl, patientKey);
  const keys = await registerEncryptionKey(rpcUrl, patientKey);
  const envelopes = new SqlKeyEnvelopeStore(db);
  return syncKeyEnvelopes(client, config, {
    patient: account.address,
    keys,
    listEnvelopes: (patient) => envelopes.list(patient),
    storeEnvelopes: (patient, sealed) => envelopes.add(patient, sealed),
  });
}
