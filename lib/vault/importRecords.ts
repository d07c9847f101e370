import type { Resource } from '@medplum/fhirtypes';
import type { Address, Hex } from 'viem';
import type { ContentHash } from '../storage/BlobStore';
import { sha256Hex } from '../storage/sha256Hex';
import { resourceFingerprint } from './resourceFingerprint';
import { buildRecordManifest, MAX_RECORDS_PER_TREE, type RecordManifest } from './recordTree';

/** Upload requests in flight at once, and what one carries (the server takes up to 8 MB). */
const PARALLEL_UPLOADS = 3;
const UPLOAD_BATCH_RECORDS = 100;
const UPLOAD_BATCH_BYTES = 2 * 1024 * 1024;

export type ImportProgress = {
  phase: 'sealing' | 'uploading' | 'anchoring' | 'done';
  /** Records of the current tree uploaded so far (the uploading phase). */
  uploaded: number;
  /** Records anchored so far in this import: stored completely. */
  anchored: number;
  /** Records this import will store (after duplicates are skipped). */
  total: number;
};

export type ImportResult = { stored: number; duplicates: number };

export type SealedRecord = { bytes: Uint8Array; hash: ContentHash; category: number };

export type ImportSteps = {
  /** Encrypts one resource under the current key of its category. */
  seal: (resource: Resource, category: number) => Promise<Uint8Array>;
  /** Stores a tree's manifest before its blobs; resolves to the manifest's hash. */
  uploadManifest: (manifest: RecordManifest) => Promise<ContentHash>;
  /** Stores a batch of a tree's sealed records, after its manifest. */
  upload: (records: readonly SealedRecord[], manifestHash: ContentHash) => Promise<void>;
  /** One transaction anchoring a tree's root; resolves once it is confirmed. */
  anchor: (root: Hex) => Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
};

/**
 * Runs `work` over `items`, `limit` at a time. On the first failure no new item starts, and it
 * throws only once the running ones have settled, so nothing reports progress after the failure.
 */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  let failure: { error: unknown } | null = null;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (!failure && next < items.length) {
        try {
          await work(items[next++]!);
        } catch (error) {
          failure ??= { error };
        }
      }
    }),
  );
  if (failure) throw (failure as { error: unknown }).error;
}

/** Sealed records in upload requests of at most UPLOAD_BATCH_RECORDS and UPLOAD_BATCH_BYTES. */
function uploadBatches(sealed: readonly SealedRecord[]): SealedRecord[][] {
  const batches: SealedRecord[][] = [];
  let bytes = 0;
  for (const record of sealed) {
    const last = batches.at(-1);
    if (!last || last.length >= UPLOAD_BATCH_RECORDS || bytes + record.bytes.length > UPLOAD_BATCH_BYTES) {
      batches.push([record]);
      bytes = record.bytes.length;
    } else {
      last.push(record);
      bytes += record.bytes.length;
    }
  }
  return batches;
}

/**
 * Stores resources as `author`'s records of `patient`: seal each in the browser, build the
 * import's Merkle tree (lib/vault/recordTree.ts), store its manifest and every blob, then anchor
 * the root in one transaction. A record counts only once its root is anchored, and every blob is
 * stored before, so a failure midway leaves nothing shown as stored that is not, and no anchored
 * root without its blobs. Running the same import again skips what is already stored (same
 * content) and stores the rest. An import larger than one tree is anchored a tree at a time.
 */
export async function importRecords(
  items: readonly { resource: Resource; category: number }[],
  alreadyStored: ReadonlySet<string>,
  { patient, author }: { patient: Address; author: Address },
  steps: ImportSteps,
): Promise<ImportResult> {
  const seen = new Set(alreadyStored);
  const fresh = items.filter(({ resource }) => {
    const fingerprint = resourceFingerprint(resource);
    if (seen.has(fingerprint)) return false;
    seen.add(fingerprint);
    return true;
  });
  const total = fresh.length;
  let anchored = 0;
  const report = (phase: ImportProgress['phase'], uploaded = 0) =>
    steps.onProgress?.({ phase, uploaded, anchored, total });
  for (let start = 0; start < fresh.length; start += MAX_RECORDS_PER_TREE) {
    const batch = fresh.slice(start, start + MAX_RECORDS_PER_TREE);
    report('sealing');
    const sealed: SealedRecord[] = await Promise.all(
      batch.map(async ({ resource, category }) => {
        const bytes = await steps.seal(resource, category);
        return { bytes, hash: sha256Hex(bytes), category };
      }),
    );
    const manifest = buildRecordManifest({
      patient,
      author,
      records: sealed.map(({ hash, category }) => ({ contentHash: hash, category })),
    });
    report('uploading');
    const manifestHash = await steps.uploadManifest(manifest);
    let uploaded = 0;
    await inParallel(uploadBatches(sealed), PARALLEL_UPLOADS, async (records) => {
      await steps.upload(records, manifestHash);
      uploaded += records.length;
      report('uploading', uploaded);
    });
    report('anchoring', uploaded);
    await steps.anchor(manifest.root);
    anchored += batch.length;
  }
  report('done');
  return { stored: total, duplicates: items.length - total };
}
