import { hexToBytes, type Address, type PublicClient } from 'viem';
import { readableCategories } from '../auth/chainAuthorization';
import type { ChainConfig } from '../chain/readChainConfig';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import type { ContentHash } from '../storage/BlobStore';
import { deriveCategoryKey } from './categoryKeys';
import { openKeyEnvelope, type KeyEnvelope } from './keyEnvelope';
import { openRecords, type Keyring, type OpenedRecord } from './openRecords';
import { readRecordIndex, type AnchoredRecord } from './readRecordIndex';
import { readRegisteredKey } from './registeredKey';
import { ServerRequestError } from '../api/serverRequest';
import { vaultContracts } from './vaultContracts';

export type VaultRecords = {
  /** Records this reader may read, decrypted (or with the problem that stopped them). */
  records: OpenedRecord[];
  /** Records outside this reader's grant: only their on-chain category is known. */
  outside: AnchoredRecord[];
  /** Key envelopes this reader holds (a grantee's; empty for the patient). */
  envelopes: KeyEnvelope[];
  /** The patient's registered encryption public key (read for a grantee; null for the patient). */
  patientPublicKey: Uint8Array | null;
};

export type StorageCalls = {
  readBlobs: (patient: Address, hashes: ContentHash[]) => Promise<Map<ContentHash, Uint8Array | 'damaged'>>;
  listEnvelopes: (patient: Address) => Promise<KeyEnvelope[]>;
};

/** A grantee's category keys, opened from the patient's envelopes as needed. */
export function envelopeKeyring(
  envelopes: readonly KeyEnvelope[],
  patient: Address,
  patientPublicKey: Uint8Array,
  reader: EncryptionKeyPair,
): Keyring {
  const opened = new Map<string, Promise<Uint8Array>>();
  return async (category, version) => {
    const envelope = envelopes.find((e) => e.category === category && e.version === version);
    if (!envelope) return null;
    const id = `${category}/${version}`;
    if (!opened.has(id)) {
      opened.set(id, openKeyEnvelope(envelope, { patient, patientPublicKey, recipientPrivateKey: reader.privateKey }));
    }
    return opened.get(id)!;
  };
}

/**
 * Everything `reader` may see of `patient`'s records: the index from the chain, the readable part
 * fetched in batches, verified against the index and decrypted in the browser. The patient derives
 * their own category keys; a grantee opens the envelopes the patient sealed to them, and reads only
 * categories the chain says they may read now.
 */
export async function loadVaultRecords(
  client: PublicClient,
  config: ChainConfig,
  {
    patient,
    reader,
    keys,
    storage,
  }: { patient: Address; reader: Address; keys: EncryptionKeyPair; storage: StorageCalls },
): Promise<VaultRecords> {
  const contracts = vaultContracts(config);
  const all = await readRecordIndex(client, contracts.recordIndex, patient);
  const fetchBlobs = (hashes: ContentHash[]) => storage.readBlobs(patient, hashes);

  if (reader.toLowerCase() === patient.toLowerCase()) {
    const keyring: Keyring = async (category, version) => deriveCategoryKey(keys.privateKey, category, version);
    return {
      records: await openRecords(all, { fetchBlobs, keyring }),
      outside: [],
      envelopes: [],
      patientPublicKey: null,
    };
  }

  const [patientKey, allowed] = await Promise.all([
    readRegisteredKey(client, config, patient),
    readableCategories(
      client,
      {
        accessRegistry: config.accessRegistry,
        recordIndex: contracts.recordIndex,
        emergencyAccess: config.emergencyAccess,
      },
      {
        reader,
        patient,
        categories: all.map((r) => r.category),
      },
    ),
  ]);
  const inGrant = all.filter((r) => allowed.has(r.category));
  const outside = all.filter((r) => !allowed.has(r.category));
  const patientPublicKey = hexToBytes(patientKey);

  // A grant that has just ended answers 403: this reader then holds no keys at all.
  const envelopes = await storage.listEnvelopes(patient).catch((error: unknown) => {
    if (error instanceof ServerRequestError && error.status === 403) return [];
    throw error;
  });
  const keyring = envelopeKeyring(envelopes, patient, patientPublicKey, keys);
  return { records: await openRecords(inGrant, { fetchBlobs, keyring }), outside, envelopes, patientPublicKey };
}
