import type { Address } from 'viem';
import { call, json } from '../api/serverRequest';
import type { ContentHash } from '../storage/BlobStore';
import { parseFrames, type DAMAGED } from '../storage/blobFrames';
import type { KeyEnvelope } from './keyEnvelope';

export async function uploadBlob(patient: Address, category: number, bytes: Uint8Array, hash: ContentHash) {
  await call(`/api/blobs?patient=${patient}&category=${category}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-content-sha256': hash },
    body: bytes as BodyInit,
  });
}

/** Many blobs in one request, in the batch-read frames of lib/storage/blobFrames.ts. */
export async function readBlobs(
  patient: Address,
  hashes: readonly ContentHash[],
): Promise<Map<ContentHash, Uint8Array | typeof DAMAGED>> {
  const response = await call('/api/blobs/read', json({ patient, hashes }));
  return parseFrames(new Uint8Array(await response.arrayBuffer()));
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
