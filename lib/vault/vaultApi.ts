import type { Address } from 'viem';
import { call, json } from '../api/serverRequest';
import type { ContentHash } from '../storage/BlobStore';
import { encodeFrames, parseFrames, type DAMAGED } from '../storage/blobFrames';
import type { KeyEnvelope } from './keyEnvelope';
import type { LeafProof, RecordManifest } from './recordTree';

/** Stores an import's manifest (before its blobs); answers the hash its blobs name. */
export async function uploadManifest(patient: Address, manifest: RecordManifest): Promise<ContentHash> {
  const response = await call(`/api/blobs/manifests?patient=${patient}`, json(manifest));
  return ((await response.json()) as { hash: ContentHash }).hash;
}

/** Stores a batch of an import's sealed records, after its manifest. */
export async function uploadBlobs(
  patient: Address,
  records: readonly { bytes: Uint8Array; hash: ContentHash }[],
  manifestHash: ContentHash,
) {
  await call(`/api/blobs?patient=${patient}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-record-manifest': manifestHash },
    body: encodeFrames(records) as BodyInit,
  });
}

/** The leaves of every import this reader may see, with proofs; checked by the caller. */
export async function readLeaves(patient: Address): Promise<LeafProof[]> {
  return ((await (await call('/api/blobs/leaves', json({ patient }))).json()) as { imports: LeafProof[] }).imports;
}

/**
 * Blobs of `patient` in one request, in the batch-read frames of lib/storage/blobFrames.ts: those
 * under `hashes`, or without them every record this reader may read now.
 */
export async function readBlobs(
  patient: Address,
  hashes?: readonly ContentHash[],
): Promise<Map<ContentHash, Uint8Array | typeof DAMAGED>> {
  const response = await call('/api/blobs/read', json(hashes ? { patient, hashes } : { patient }));
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
