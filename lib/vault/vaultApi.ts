import { bytesToHex, type Address } from 'viem';
import { call, json } from '../api/serverRequest';
import type { ContentHash } from '../storage/BlobStore';
import type { KeyEnvelope } from './keyEnvelope';

export async function uploadBlob(patient: Address, category: number, bytes: Uint8Array, hash: ContentHash) {
  await call(`/api/blobs?patient=${patient}&category=${category}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-content-sha256': hash },
    body: bytes as BodyInit,
  });
}

/** A record the server holds but whose stored bytes are damaged: it sent none. */
export const DAMAGED = 'damaged' as const;

/** 0xffffffff as a frame length: the record is stored damaged (see createBlobHandlers). */
const DAMAGED_FRAME_LENGTH = 0xffffffff;

/**
 * Many blobs in one request; the answer is hash (32) · length (4) · bytes, repeated, where a
 * damaged record is a frame of length 0xffffffff with no bytes.
 */
export async function readBlobs(
  patient: Address,
  hashes: readonly ContentHash[],
): Promise<Map<ContentHash, Uint8Array | typeof DAMAGED>> {
  const response = await call('/api/blobs/read', json({ patient, hashes }));
  const bytes = new Uint8Array(await response.arrayBuffer());
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blobs = new Map<ContentHash, Uint8Array | typeof DAMAGED>();
  for (let at = 0; at + 36 <= bytes.length;) {
    const hash = bytesToHex(bytes.subarray(at, at + 32));
    const length = view.getUint32(at + 32);
    if (length === DAMAGED_FRAME_LENGTH) {
      blobs.set(hash, DAMAGED);
      at += 36;
      continue;
    }
    blobs.set(hash, bytes.subarray(at + 36, at + 36 + length));
    at += 36 + length;
  }
  return blobs;
}

const ENVELOPES_PER_REQUEST = 500;

export async function storeEnvelopes(patient: Address, envelopes: readonly KeyEnvelope[]): Promise<void> {
  for (let i = 0; i < envelopes.length; i += ENVELOPES_PER_REQUEST) {
    await call('/api/keys', json({ patient, envelopes: envelopes.slice(i, i + ENVELOPES_PER_REQUEST) }));
  }
}

/** The patient's own view lists every envelope; a grantee's lists theirs, within their grant. */
export async function listEnvelopes(patient: Address): Promise<KeyEnvelope[]> {
  return ((await (await call(`/api/keys?patient=${patient}`)).json()) as { envelopes: KeyEnvelope[] }).envelopes;
}
