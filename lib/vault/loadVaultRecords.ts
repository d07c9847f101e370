import { hexToBytes, type Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { readableOf, readReaderAccess } from '../auth/readerAccess';
import type { ChainConfig } from '../chain/readChainConfig';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import { chartView, type ChartView } from '../fhir/chartView';
import type { ContentHash } from '../storage/BlobStore';
import { deriveCategoryKey } from './categoryKeys';
import { envelopeKeyring } from './envelopeKeyring';
import type { KeyEnvelope } from './keyEnvelope';
import type { Keyring, OpenedRecord } from './openRecords';
import { readRecordAnchors } from './readRecordAnchors';
import { EVERY_CATEGORY_NUMBER, type LeafProof } from './recordTree';
import { readRegisteredKey } from './registeredKey';
import { ServerRequestError } from '../api/serverRequest';
import { vaultContracts } from './vaultContracts';
import type { RecordGap } from './verifyImports';
import { openChartOffThread, verifyImportsOffThread } from './offThread';
import { markPhase } from '../perf/markPhase';
import { withLateRecords } from './lateRecords';

export type VaultRecords = {
  /** Records this reader may read, decrypted (or with the problem that stopped them). */
  records: OpenedRecord[];
  /** The chart made of `records`: summary, trends, timeline (lib/fhir/chartView). */
  chart: ChartView;
  /** Records the chain says exist in what this reader may read that the server did not show. */
  gaps: RecordGap[];
  /** Records refused because their author could not write their category when adding them. */
  refused: number;
  /** Key envelopes this reader holds (a grantee's; empty for the patient). */
  envelopes: KeyEnvelope[];
  /** The patient's registered encryption public key (read for a grantee; null for the patient). */
  patientPublicKey: Uint8Array | null;
};

export type StorageCalls = {
  readLeaves: (patient: Address) => Promise<LeafProof[]>;
  /** Records of `patient` this reader may read now: those under `hashes`, or all of them. */
  readBlobs: (patient: Address, hashes?: readonly ContentHash[]) => Promise<Map<ContentHash, Uint8Array | 'damaged'>>;
  listEnvelopes: (patient: Address) => Promise<KeyEnvelope[]>;
};

/**
 * Everything `reader` may see of `patient`'s records: the roots from the chain (proven complete),
 * the leaves the storage server lists (each proven under one of them), then the blobs, checked
 * against their leaves and decrypted in the browser. The patient derives their own category keys;
 * a grantee opens the envelopes the patient sealed to them, and reads only categories the chain
 * says they may read now.
 */
export async function loadVaultRecords(
  client: ChainReader,
  config: ChainConfig,
  {
    patient,
    reader,
    keys,
    storage,
  }: { patient: Address; reader: Address; keys: EncryptionKeyPair; storage: StorageCalls },
): Promise<VaultRecords> {
  markPhase('vault:start');
  const contracts = vaultContracts(config);
  const isPatient = reader.toLowerCase() === patient.toLowerCase();
  // The server's answers are checked against the chain, not trusted: ask for everything at once,
  // the blobs too, fetched while the proofs are checked and opened only where they prove them.
  const listed = storage.readLeaves(patient).catch((error: unknown) => error as Error);
  const fetched = storage
    .readBlobs(patient)
    .then((blobs) => {
      markPhase('vault:blobs-fetched');
      return blobs;
    })
    .catch((error: unknown) => error as Error);
  // A grant that has just ended answers 403: this reader then holds no keys at all.
  const held = isPatient
    ? Promise.resolve([])
    : storage.listEnvelopes(patient).catch((error: unknown) => {
        if (error instanceof ServerRequestError && error.status === 403) return [];
        return error as Error;
      });
  const [{ anchors }, readable, patientKey] = await Promise.all([
    readRecordAnchors(client, { recordRoots: contracts.recordRoots, deployBlock: config.deployBlock }, patient),
    readReaderAccess(client, config, { reader, patient }).then((access) => readableOf(access, EVERY_CATEGORY_NUMBER)),
    isPatient ? null : readRegisteredKey(client, config, patient),
  ]);
  markPhase('vault:chain-read');
  if (anchors.length === 0 || readable.size === 0) {
    return {
      records: [],
      chart: chartView([], patient),
      gaps: [],
      refused: 0,
      envelopes: [],
      patientPublicKey: patientKey && hexToBytes(patientKey),
    };
  }
  const leaves = await listed;
  if (leaves instanceof Error) throw leaves;
  markPhase('vault:leaves-listed');
  const verified = await verifyImportsOffThread(anchors, leaves, { patient, readable });
  markPhase('vault:proofs-checked');
  const fetchedAll = await fetched;
  if (fetchedAll instanceof Error) throw fetchedAll;
  const blobs = await withLateRecords(fetchedAll, verified.records, (hashes) => storage.readBlobs(patient, hashes));
  const found = { gaps: verified.gaps, refused: verified.refused };

  if (isPatient) {
    const keyring: Keyring = async (category, version) => deriveCategoryKey(keys.privateKey, category, version);
    const opened = await openChartOffThread(verified.records, { blobs, keyring, patient });
    markPhase('vault:opened');
    return {
      ...opened,
      ...found,
      envelopes: [],
      patientPublicKey: null,
    };
  }

  const patientPublicKey = hexToBytes(patientKey!);
  const envelopes = await held;
  if (envelopes instanceof Error) throw envelopes;
  const keyring = envelopeKeyring(envelopes, patient, patientPublicKey, keys);
  const opened = await openChartOffThread(verified.records, { blobs, keyring, patient });
  markPhase('vault:opened');
  return {
    ...opened,
    ...found,
    envelopes,
    patientPublicKey,
  };
}
