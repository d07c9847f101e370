import 'server-only';
import { getAddress, isAddress, type Address, type PublicClient } from 'viem';
import { readWriteScope, scopeCovers, type ChainAuthorizationConfig } from '../auth/chainAuthorization';
import { readableOf, readReaderAccess } from '../auth/readerAccess';
import type { DisclosureBasis } from '../audit/disclosureChain';
import type { DisclosureRecorder } from '../audit/DisclosureRecorder';
import {
  DamagedBlobError,
  isContentHash,
  manifestScope,
  recordScope,
  type BlobStore,
  type ContentHash,
  type StoredBlob,
} from '../storage/BlobStore';
import { DAMAGED, parseFrames } from '../storage/blobFrames';
import { frameStream } from '../storage/frameStream';
import { sha256Hex } from '../storage/sha256Hex';
import {
  canonicalManifest,
  EVERY_CATEGORY_NUMBER,
  ManifestError,
  parseRecordManifest,
  proveLeaves,
  type LeafProof,
} from '../vault/recordTree';
import { errorResponse } from './httpErrors';
import type { Pipeline } from './pipeline';
import type { RecordTrees } from './recordTrees';
import { readJsonLimited } from './readJsonLimited';
import { readLimited } from './readLimited';
import type { UploadQuota } from './uploadQuota';

/** Most blobs one read request may name by hash (a chart asks for all at once, and by hash only for late ones). */
export const MAX_BLOBS_PER_READ = 250;

/** Largest encrypted blob accepted: one record, or a batch of them, well above any real resource. */
export const MAX_BLOB_BYTES = 2 * 1024 * 1024;

/** Largest batch of sealed records one upload request may carry. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

/** Largest manifest accepted: a tree of the most records one holds, with room to spare. */
export const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

export type BlobDependencies = {
  pipeline: Pipeline;
  store: BlobStore;
  /** Where every read by someone other than the patient is recorded before it is served. */
  disclosures: DisclosureRecorder;
  client: PublicClient;
  chain: ChainAuthorizationConfig;
  /** The roots anchored for each patient and the manifests stored for them. */
  trees: RecordTrees;
  /** Bounds what each uploader may keep stored before it is anchored. */
  quota: UploadQuota;
  maxBytes?: number;
  now?: () => number;
};

type Readable = { hash: ContentHash; category: number; basis: DisclosureBasis | 'owner' };

/**
 * Ciphertext storage for records (records v2). An import is stored in three steps: its manifest
 * (every leaf of its Merkle tree, checked whole), each sealed blob (refused unless it is a record
 * leaf of a manifest this uploader stored for this patient, in the category it names, which the
 * uploader may write), then the root anchored on-chain by the browser. A read is authorized against
 * what the server bound and the chain at request time: the blob must be in this patient's scope,
 * its root anchored for this patient by the account that uploaded it, in a category that anchor's
 * write scope covers, and the reader must hold access to that category now. The server only ever
 * sees ciphertext, and readers check every leaf against the chain themselves.
 */
export function createBlobHandlers(deps: BlobDependencies) {
  const maxBytes = deps.maxBytes ?? MAX_BLOB_BYTES;
  const now = deps.now ?? Date.now;

  /**
   * Of the records stored in `patient`'s scope (those under `hashes`, or all of them), those whose
   * import root the chain holds, anchored by the account that uploaded them, in a category that
   * anchor's write scope covers.
   */
  async function bound(patient: Address, hashes: readonly ContentHash[] | null) {
    const scope = recordScope(patient);
    const named = async (wanted: readonly ContentHash[]): Promise<StoredBlob[]> =>
      (await deps.store.bindings(scope, wanted)).flatMap((binding, i) =>
        binding ? [{ ...binding, hash: wanted[i]! }] : [],
      );
    const [anchors, stored] = await Promise.all([
      deps.trees.anchors(patient),
      hashes ? named(hashes) : deps.store.list(scope),
    ]);
    return stored.flatMap((blob) => {
      if (blob.category === null || !deps.trees.anchorFor(anchors, blob)) return [];
      return [{ hash: blob.hash, category: blob.category }];
    });
  }

  /**
   * Of the `stored` records of `patient`, those `reader` may read now, with the basis (one
   * multicall); `anyAccess` says whether the reader may read any category at all.
   */
  async function readable(
    reader: Address,
    patient: Address,
    stored: readonly { hash: ContentHash; category: number }[],
  ): Promise<{ allowed: Readable[]; anyAccess: boolean }> {
    if (reader === patient) {
      return { allowed: stored.map((r) => ({ ...r, basis: 'owner' as const })), anyAccess: true };
    }
    const { bases } = await readReaderAccess(deps.client, deps.chain, { reader, patient });
    const allowed = stored.flatMap((r) => {
      const basis = bases.get(r.category);
      return basis ? [{ ...r, basis }] : [];
    });
    return { allowed, anyAccess: bases.size > 0 };
  }

  /** Logs every read by someone other than the patient, before anything is served. */
  async function recordDisclosures(reader: Address, patient: Address, served: readonly Readable[]) {
    await deps.disclosures.record(
      served
        .filter((r) => r.basis !== 'owner')
        .map((r) => ({
          patient,
          reader,
          kind: 'record' as const,
          category: r.category,
          contentHash: r.hash,
          basis: r.basis as DisclosureBasis,
          at: now(),
        })),
    );
  }

  return {
    /**
     * POST /api/blobs/manifests?patient=0x…, body: the import's manifest (lib/vault/recordTree.ts)
     * as JSON. Checked whole: this patient's, by the signed-in account, census matching records,
     * leaves making the root, every category with records one the uploader may write now.
     */
    uploadManifest: deps.pipeline.endpoint(
      { limit: 'write', json: true, signIn: 'Sign in to store records.' },
      async ({ request, session }) => {
        const patient = new URL(request.url).searchParams.get('patient') ?? '';
        if (!isAddress(patient)) return errorResponse(400, 'Say whose records these are.');
        const owner = getAddress(patient);
        const bytes = await readLimited(request, MAX_MANIFEST_BYTES);
        if (!bytes) return errorResponse(413, 'This import is too large for one manifest: split it.');
        let parsed: ReturnType<typeof parseRecordManifest>;
        try {
          parsed = parseRecordManifest(JSON.parse(new TextDecoder().decode(bytes)), {
            patient: owner,
            author: session.address,
          });
        } catch (error) {
          if (error instanceof ManifestError) return errorResponse(422, error.message);
          if (error instanceof SyntaxError) return errorResponse(400, 'Send the manifest as JSON.');
          throw error;
        }
        const scope = await readWriteScope(deps.client, deps.chain, { writer: session.address, patient: owner });
        const written = parsed.manifest.leaves.filter((leaf) => leaf.kind === 'record');
        if (written.some((leaf) => !scopeCovers(scope, leaf.category))) {
          return errorResponse(403, 'You may not add records of this kind for this patient.');
        }
        // Stored in one canonical form, so a tree is one manifest however often it is sent.
        const canonical = new TextEncoder().encode(JSON.stringify(canonicalManifest(parsed.manifest)));
        const room = await deps.quota.reserve({
          scope: manifestScope(owner),
          pool: recordScope(owner),
          uploader: session.address,
          hash: sha256Hex(canonical),
          bytes: canonical.length,
        });
        if (!room.ok) return errorResponse(413, room.message);
        const { hash } = await deps.store.put(manifestScope(owner), canonical, {
          uploader: session.address,
          category: null,
          root: parsed.manifest.root,
        });
        return Response.json({ hash, root: parsed.manifest.root }, { status: 201 });
      },
    ),

    /**
     * POST /api/blobs?patient=0x…, header x-record-manifest (the hash of the import's manifest),
     * body: the import's sealed records as frames (lib/storage/blobFrames.ts), up to
     * MAX_UPLOAD_BYTES at a time. Checked whole before anything is stored: each blob must be a
     * record leaf of this uploader's manifest for this patient, match its hash, and be in a
     * category the uploader may write now.
     */
    upload: deps.pipeline.endpoint(
      { limit: 'write', signIn: 'Sign in to store records.' },
      async ({ request, session }) => {
        const patient = new URL(request.url).searchParams.get('patient') ?? '';
        if (!isAddress(patient)) return errorResponse(400, 'Say whose records these are.');
        const manifestHash = request.headers.get('x-record-manifest') ?? '';
        if (!isContentHash(manifestHash)) {
          return errorResponse(400, 'Name the manifest of the import these records belong to in x-record-manifest.');
        }
        const owner = getAddress(patient);
        const stored = await deps.trees.manifest(owner, manifestHash);
        // Only the uploader's own manifest, for this patient, vouches for their blobs.
        if (!stored || stored.manifest.author !== getAddress(session.address) || stored.manifest.patient !== owner) {
          return errorResponse(422, 'Store the manifest of this import first.');
        }
        const body = await readLimited(request, MAX_UPLOAD_BYTES);
        if (!body) return errorResponse(413, `Send at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB of records at a time.`);
        let frames: ReturnType<typeof parseFrames>;
        try {
          frames = parseFrames(body);
        } catch {
          return errorResponse(400, 'The records arrived incomplete. Try again.');
        }
        if (frames.size === 0) return errorResponse(400, 'Send at least one record.');
        const leaves = new Map(
          stored.manifest.leaves.flatMap((leaf) => (leaf.kind === 'record' ? [[leaf.contentHash, leaf.category]] : [])),
        );
        const scope = await readWriteScope(deps.client, deps.chain, { writer: session.address, patient: owner });
        const records: { hash: ContentHash; bytes: Uint8Array; category: number }[] = [];
        for (const [hash, bytes] of frames) {
          const category = leaves.get(hash);
          if (bytes === DAMAGED || category === undefined) {
            return errorResponse(422, 'A record is not a leaf of the import it names.');
          }
          if (!scopeCovers(scope, category)) {
            return errorResponse(403, 'You may not add records of this kind for this patient.');
          }
          if (bytes.length > maxBytes) {
            return errorResponse(413, `A record is too large to store (limit ${maxBytes / 1024 / 1024} MB).`);
          }
          if (sha256Hex(bytes) !== hash) {
            return errorResponse(422, 'A record arrived damaged: its content does not match its hash. Try again.');
          }
          records.push({ hash, bytes, category });
        }
        const scopeOfRecords = recordScope(owner);
        for (const { hash, bytes } of records) {
          const room = await deps.quota.reserve({
            scope: scopeOfRecords,
            uploader: session.address,
            hash,
            bytes: bytes.length,
          });
          if (!room.ok) return errorResponse(413, room.message);
        }
        for (const { bytes, category } of records) {
          await deps.store.put(scopeOfRecords, bytes, {
            uploader: session.address,
            category,
            root: stored.manifest.root,
          });
        }
        return Response.json({ stored: records.length }, { status: 201 });
      },
    ),

    /**
     * POST /api/blobs/leaves with { patient }: for every import the chain holds for this patient,
     * the leaves this reader may see (records and census of the categories they may read now)
     * with a multiproof against its root. The reader checks the proofs against the chain itself.
     */
    leaves: deps.pipeline.endpoint(
      { limit: 'read', json: true, signIn: 'Sign in to read records.' },
      async ({ request, session }) => {
        const body = await readJsonLimited<{ patient?: unknown }>(request, 1024);
        if (!body.ok || typeof body.value.patient !== 'string' || !isAddress(body.value.patient)) {
          return errorResponse(400, 'Say whose records to list.');
        }
        const owner = getAddress(body.value.patient);
        const reader = getAddress(session.address);
        const access = await readReaderAccess(deps.client, deps.chain, { reader, patient: owner });
        const readable = readableOf(access, EVERY_CATEGORY_NUMBER);
        if (readable.size === 0) {
          return errorResponse(
            403,
            'You do not have access to these records. Access may have been revoked or expired.',
          );
        }
        const started = performance.now();
        const anchored = await deps.trees.anchoredManifests(owner);
        const loaded = performance.now();
        const imports: LeafProof[] = [];
        for (const { manifest, tree, anchor } of anchored) {
          const proof = proveLeaves(
            manifest,
            tree,
            (leaf) =>
              readable.has(leaf.category) && (leaf.kind === 'census' || scopeCovers(anchor.writeScope, leaf.category)),
          );
          if (proof) imports.push(proof);
        }
        // Lets a client (and the bench) see what reading the manifests and proving cost.
        const timing = `manifests;dur=${(loaded - started).toFixed(1)}, prove;dur=${(performance.now() - loaded).toFixed(1)}`;
        return Response.json(
          { imports },
          { headers: { 'cache-control': 'private, no-store', 'server-timing': timing } },
        );
      },
    ),

    /** GET /api/blobs/{hash}?patient=0x… */
    download: deps.pipeline.endpoint(
      { limit: 'read', signIn: 'Sign in to read records.' },
      async ({ request, session }, hash: string) => {
        const patient = new URL(request.url).searchParams.get('patient') ?? '';
        if (!isContentHash(hash) || !isAddress(patient)) {
          return errorResponse(400, 'Ask for a record by patient and content hash.');
        }
        const owner = getAddress(patient);
        const stored = await bound(owner, [hash]);
        if (stored.length === 0) return errorResponse(404, 'No such record.');
        const [allowed] = (await readable(session.address, owner, stored)).allowed;
        if (!allowed) {
          return errorResponse(403, 'You do not have access to this record. Access may have been revoked or expired.');
        }
        let bytes: Uint8Array | null;
        try {
          bytes = await deps.store.get(recordScope(owner), hash);
        } catch (error) {
          if (error instanceof DamagedBlobError) {
            return errorResponse(409, 'This record’s stored content is damaged and cannot be served.');
          }
          throw error;
        }
        if (!bytes) return errorResponse(404, 'This record is anchored but its content is not stored here.');
        await recordDisclosures(session.address, owner, [allowed]);
        return new Response(bytes as BodyInit, {
          headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' },
        });
      },
    ),

    /**
     * POST /api/blobs/read with { patient, hashes? }: many records in one request, authorized with
     * two multicalls; without `hashes`, every record of the patient the reader may read now, so a
     * chart can fetch while it proves the leaves. Answers a stream of frames, hash (32 bytes) ·
     * length (4 bytes, big-endian) · blob, for each record the reader may read and the store
     * holds; a damaged one is a frame of length 0xffffffff with no bytes, so one bad file costs one
     * record, not the chart. The client checks each blob against its proven leaf anyway.
     */
    readMany: deps.pipeline.endpoint(
      { limit: 'read', json: true, signIn: 'Sign in to read records.' },
      async ({ request, session, client }) => {
        const body = await readJsonLimited<{ patient?: unknown; hashes?: unknown }>(request, 64 * 1024);
        if (!body.ok) return errorResponse(400, 'Send the records wanted as JSON.');
        const { patient, hashes } = body.value;
        if (
          typeof patient !== 'string' ||
          !isAddress(patient) ||
          (hashes !== undefined &&
            (!Array.isArray(hashes) ||
              hashes.length === 0 ||
              hashes.length > MAX_BLOBS_PER_READ ||
              !hashes.every((h) => typeof h === 'string' && isContentHash(h))))
        ) {
          return errorResponse(
            400,
            `Ask for the records of one patient: all you may read, or 1 to ${MAX_BLOBS_PER_READ} by content hash.`,
          );
        }
        const owner = getAddress(patient);
        const started = performance.now();
        const stored = await bound(owner, hashes ? [...new Set(hashes as ContentHash[])] : null);
        const { allowed, anyAccess } = await readable(session.address, owner, stored);
        // Nothing stored under these hashes is an empty answer (each is then "missing" to the
        // reader, one record each); something stored that the reader may not read is a refusal,
        // and so is asking for everything without access to any category.
        if (hashes ? allowed.length === 0 && stored.length > 0 : !anyAccess) {
          return errorResponse(
            403,
            'You do not have access to these records. Access may have been revoked or expired.',
          );
        }
        const authorized = performance.now();
        // Counted per record, not per request: each is a disclosure logged, and a whole chart is one request.
        const wait = await deps.pipeline.config.limiter.consume(
          'records',
          { account: session.address, client },
          allowed.length,
        );
        if (wait !== null) {
          return errorResponse(429, `You have opened a great many records just now. Try again in ${wait} seconds.`, {
            'retry-after': String(wait),
          });
        }
        await recordDisclosures(session.address, owner, allowed);
        const logged = performance.now();
        const scope = recordScope(owner);
        const stream = frameStream(
          allowed.map((r) => r.hash),
          (hash) => deps.store.get(scope, hash),
        );
        // Lets a client (and the bench) see what authorizing and logging each cost.
        const timing = `authorize;dur=${(authorized - started).toFixed(1)}, log;dur=${(logged - authorized).toFixed(1)}`;
        return new Response(stream, {
          headers: {
            'content-type': 'application/octet-stream',
            'cache-control': 'private, no-store',
            'server-timing': timing,
          },
        });
      },
    ),
  };
}
