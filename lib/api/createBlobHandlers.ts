import { concatBytes } from '@noble/hashes/utils.js';
import { getAddress, hexToBytes, isAddress, type PublicClient } from 'viem';
import {
  anchoredCategories,
  authorizeBlobRead,
  authorizeBlobWrite,
  readAccessBases,
  type ChainAuthorizationConfig,
} from '../auth/chainAuthorization';
import type { DisclosureRecorder } from '../audit/DisclosureRecorder';
import { isContentHash, type BlobStore, type ContentHash } from '../storage/BlobStore';
import { sha256Hex } from '../storage/sha256Hex';
import { sessionOf } from './createAuthHandlers';
import { errorResponse } from './httpErrors';
import { readJsonLimited } from './readJsonLimited';
import { readLimited } from './readLimited';

/** Most blobs one read request may ask for; a chart loads in pages of this size. */
export const MAX_BLOBS_PER_READ = 250;

/** Largest encrypted blob accepted: one record, or a batch of them, well above any real resource. */
export const MAX_BLOB_BYTES = 2 * 1024 * 1024;

export type BlobDependencies = {
  store: BlobStore;
  /** Where every read by someone other than the patient is recorded before it is served. */
  disclosures: DisclosureRecorder;
  client: PublicClient;
  chain: ChainAuthorizationConfig;
  sessionSecret: string;
  maxBytes?: number;
  now?: () => number;
};

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
      const owner = getAddress(patient);
      if (decision.basis !== 'owner') {
        await deps.disclosures.record([
          {
            patient: owner,
            reader: session.address,
            kind: 'record',
            category: decision.category,
            contentHash: hash,
            basis: decision.basis,
            at: now(),
          },
        ]);
      }
      return new Response(bytes as BodyInit, {
        headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' },
      });
    },

    /**
     * POST /api/blobs/read with { patient, hashes } — many records in one request, authorized with
     * two multicalls (their categories, then the reader's grant). Answers a binary stream of
     * hash (32 bytes) · length (4 bytes, big-endian) · blob, for each record the reader may read
     * and the store holds; the client checks each blob against its on-chain hash anyway.
     */
    async readMany(request: Request): Promise<Response> {
      const session = sessionOf(request, deps.sessionSecret, now());
      if (!session) return errorResponse(401, 'Sign in to read records.');
      const body = await readJsonLimited<{ patient?: unknown; hashes?: unknown }>(request, 64 * 1024);
      if (!body.ok) return errorResponse(400, 'Send the records wanted as JSON.');
      const { patient, hashes } = body.value;
      if (
        typeof patient !== 'string' ||
        !isAddress(patient) ||
        !Array.isArray(hashes) ||
        hashes.length === 0 ||
        hashes.length > MAX_BLOBS_PER_READ ||
        !hashes.every((h) => typeof h === 'string' && isContentHash(h))
      ) {
        return errorResponse(400, `Ask for 1 to ${MAX_BLOBS_PER_READ} records of one patient by content hash.`);
      }
      const owner = getAddress(patient);
      const started = performance.now();
      const categories = await anchoredCategories(deps.client, deps.chain, { patient: owner, hashes });
      const isOwner = session.address === owner;
      const bases = isOwner
        ? null
        : await readAccessBases(deps.client, deps.chain, {
            reader: session.address,
            patient: owner,
            categories: categories.filter((c) => c !== null),
          });
      const allowed = hashes.filter((_, i) => categories[i] !== null && (isOwner || bases!.has(categories[i]!)));
      if (allowed.length === 0) {
        return errorResponse(403, 'You do not have access to these records. Access may have been revoked or expired.');
      }
      const authorized = performance.now();
      const parts: Uint8Array[] = [];
      const served: ContentHash[] = [];
      for (const hash of allowed) {
        const bytes = await deps.store.get(hash);
        if (!bytes) continue;
        const head = new Uint8Array(36);
        head.set(hexToBytes(hash));
        new DataView(head.buffer).setUint32(32, bytes.length);
        parts.push(head, bytes);
        served.push(hash);
      }
      const read = performance.now();
      if (!isOwner) {
        const categoryOf = new Map(hashes.map((h, i) => [h, categories[i]!]));
        await deps.disclosures.record(
          served.map((hash) => ({
            patient: owner,
            reader: session.address,
            kind: 'record' as const,
            category: categoryOf.get(hash)!,
            contentHash: hash,
            basis: bases!.get(categoryOf.get(hash)!)!,
            at: now(),
          })),
        );
      }
      const logged = performance.now();
      // Lets a client (and the bench) see what authorizing, reading and logging each cost.
      const timing = `authorize;dur=${(authorized - started).toFixed(1)}, read;dur=${(read - authorized).toFixed(1)}, log;dur=${(logged - read).toFixed(1)}`;
      return new Response(concatBytes(...parts) as BodyInit, {
        headers: {
          'content-type': 'application/octet-stream',
          'cache-control': 'private, no-store',
          'server-timing': timing,
        },
      });
    },
  };
}
