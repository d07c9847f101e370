import { getAddress, isAddress, type PublicClient } from 'viem';
import { authorizeBlobRead, authorizeBlobWrite, type ChainAuthorizationConfig } from '../auth/chainAuthorization';
import { isContentHash, type BlobStore } from '../storage/BlobStore';
import { sha256Hex } from '../storage/sha256Hex';
import { sessionOf } from './createAuthHandlers';
import { errorResponse } from './httpErrors';

/** Largest encrypted blob accepted: one record, or a batch of them, well above any real resource. */
export const MAX_BLOB_BYTES = 2 * 1024 * 1024;

export type BlobDependencies = {
  store: BlobStore;
  client: PublicClient;
  chain: ChainAuthorizationConfig;
  sessionSecret: string;
  maxBytes?: number;
  now?: () => number;
};

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return null;
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    // Stop reading as soon as the limit is passed, whatever the header claimed.
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * Ciphertext storage by content hash. Every request needs a SIWE session; every read and write is
 * authorized against chain state at request time. The server only ever sees ciphertext.
 */
export function createBlobHandlers(deps: BlobDependencies) {
  const maxBytes = deps.maxBytes ?? MAX_BLOB_BYTES;
  const now = deps.now ?? Date.now;

  return {
    /** POST /api/blobs?patient=0x…&category=N, body: ciphertext, header x-content-sha256 */
    async upload(request: Request): Promise<Response> {
      const session = sessionOf(request, deps.sessionSecret, now());
      if (!session) return errorResponse(401, 'Sign in to store records.');
      const url = new URL(request.url);
      const patient = url.searchParams.get('patient') ?? '';
      const category = Number(url.searchParams.get('category'));
      if (!isAddress(patient) || !Number.isInteger(category) || category < 0 || category > 31) {
        return errorResponse(400, 'Say whose record this is and its category.');
      }
      const claimed = request.headers.get('x-content-sha256') ?? '';
      if (!isContentHash(claimed)) return errorResponse(400, 'Send the SHA-256 of the blob in x-content-sha256.');
      if (
        !(await authorizeBlobWrite(deps.client, deps.chain, {
          writer: session.address,
          patient: getAddress(patient),
          category,
        }))
      ) {
        return errorResponse(403, 'You may not add records of this kind for this patient.');
      }
      const bytes = await readLimited(request, maxBytes);
      if (!bytes) return errorResponse(413, `This record is too large to store (limit ${maxBytes / 1024 / 1024} MB).`);
      if (sha256Hex(bytes) !== claimed) {
        return errorResponse(422, 'The record arrived damaged: its content does not match its hash. Try again.');
      }
      const hash = await deps.store.put(bytes);
      return Response.json({ hash }, { status: 201 });
    },

    /** GET /api/blobs/{hash}?patient=0x… */
    async download(request: Request, hash: string): Promise<Response> {
      const session = sessionOf(request, deps.sessionSecret, now());
      if (!session) return errorResponse(401, 'Sign in to read records.');
      const patient = new URL(request.url).searchParams.get('patient') ?? '';
      if (!isContentHash(hash) || !isAddress(patient))
        return errorResponse(400, 'Ask for a record by patient and content hash.');
      const decision = await authorizeBlobRead(deps.client, deps.chain, {
        reader: session.address,
        patient: getAddress(patient),
        hash,
      });
      if (!decision.allowed) {
        return decision.reason === 'not-anchored'
          ? errorResponse(404, 'No such record.')
          : errorResponse(403, 'You do not have access to this record. Access may have been revoked or expired.');
      }
      const bytes = await deps.store.get(hash);
      if (!bytes) return errorResponse(404, 'This record is anchored but its content is not stored here.');
      return new Response(bytes as BodyInit, {
        headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' },
      });
    },
  };
}
