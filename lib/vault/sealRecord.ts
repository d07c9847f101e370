import type { Resource } from '@medplum/fhirtypes';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { aesGcmDecrypt, aesGcmEncrypt, randomKey } from '../crypto/aesGcm';

/**
 * One stored record: the FHIR resource encrypted under its own random data key, and that data key
 * encrypted under the patient's key for the record's category. Granting a category shares one
 * category key, however many records it covers.
 *
 * Layout (all binary): version (1 byte) · category (1 byte) · key version (4 bytes, big-endian) ·
 * wrapped data key length (2 bytes) · wrapped data key · encrypted resource.
 */
export type SealedRecord = Uint8Array;

export type RecordKeyInfo = {
  /** Category number (lib/categories bit). */
  category: number;
  /** Which generation of the category key sealed it; a revoke starts a new one. */
  keyVersion: number;
};

const FORMAT_VERSION = 1;
const HEADER_BYTES = 8;

function header({ category, keyVersion }: RecordKeyInfo, wrappedLength: number): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, FORMAT_VERSION);
  view.setUint8(1, category);
  view.setUint32(2, keyVersion);
  view.setUint16(6, wrappedLength);
  return bytes;
}

export class SealedRecordFormatError extends Error {
  override name = 'SealedRecordFormatError';
  constructor() {
    super('This stored record is not in a format OwnChart can read.');
  }
}

/** Which category key (category and version) opens a sealed record, read from its header. */
export function readRecordKeyInfo(sealed: SealedRecord): RecordKeyInfo {
  if (sealed.length < HEADER_BYTES || sealed[0] !== FORMAT_VERSION) throw new SealedRecordFormatError();
  const view = new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  return { category: view.getUint8(1), keyVersion: view.getUint32(2) };
}

/**
 * Encrypts `resource` for storage. The header is authenticated as associated data, so a record
 * cannot be relabelled into another category or key version without failing to open.
 */
export async function sealRecord(
  resource: Resource,
  categoryKey: Uint8Array,
  info: RecordKeyInfo,
): Promise<SealedRecord> {
  const dataKey = randomKey();
  // The wrapped key is 12 (iv) + 32 (key) + 16 (tag) bytes; its length is known before wrapping.
  const head = header(info, 60);
  const wrappedDataKey = await aesGcmEncrypt(categoryKey, dataKey, head);
  const body = await aesGcmEncrypt(dataKey, utf8ToBytes(JSON.stringify(resource)), head);
  return concatBytes(head, wrappedDataKey, body);
}

/** Decrypts a sealed record with its category key; throws if the key is wrong or data altered. */
export async function openRecord(sealed: SealedRecord, categoryKey: Uint8Array): Promise<Resource> {
  readRecordKeyInfo(sealed);
  const head = sealed.subarray(0, HEADER_BYTES);
  const wrappedLength = new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength).getUint16(6);
  const wrappedDataKey = sealed.subarray(HEADER_BYTES, HEADER_BYTES + wrappedLength);
  const dataKey = await aesGcmDecrypt(categoryKey, wrappedDataKey, head);
  const body = await aesGcmDecrypt(dataKey, sealed.subarray(HEADER_BYTES + wrappedLength), head);
  return JSON.parse(new TextDecoder().decode(body)) as Resource;
}
