import type { Resource } from '@medplum/fhirtypes';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ContentHash } from '../storage/BlobStore';
import { sha256Hex } from '../storage/sha256Hex';

/** Records anchored per transaction: ~72k gas each, so a batch stays far below a block's gas. */
export const ANCHOR_BATCH_SIZE = 100;
const PARALLEL_UPLOADS = 6;

export type ImportProgress = {
  phase: 'sealing' | 'uploading' | 'anchoring' | 'done';
  /** Records anchored so far in this import. */
  anchored: number;
  /** Records this import will store (after duplicates are skipped). */
  total: number;
};

export type ImportResult = { stored: number; duplicates: number };

export type ImportSteps = {
  /** Encrypts one resource under the current key of its category. */
  seal: (resource: Resource, category: number) => Promise<Uint8Array>;
  upload: (bytes: Uint8Array, hash: ContentHash, category: number) => Promise<void>;
  /** One transaction anchoring a batch; resolves once it is confirmed. */
  anchor: (batch: { hash: ContentHash; category: number }[]) => Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
};

/** Identifies a resource's content; never leaves the browser. */
export function resourceFingerprint(resource: Resource): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(resource))));
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * Stores resources as records, a batch at a time: seal, upload every blob, then anchor the batch
 * in one transaction. A record counts only once anchored, and a blob is uploaded before it is
 * anchored, so a failure midway leaves whole batches done and nothing shown as stored that is not.
 * Running the same import again skips what is already stored (same content) and finishes the rest.
 */
export async function importRecords(
  items: readonly { resource: Resource; category: number }[],
  alreadyStored: ReadonlySet<string>,
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
  for (let start = 0; start < fresh.length; start += ANCHOR_BATCH_SIZE) {
    const batch = fresh.slice(start, start + ANCHOR_BATCH_SIZE);
    steps.onProgress?.({ phase: 'sealing', anchored, total });
    const sealed = await Promise.all(
      batch.map(async ({ resource, category }) => {
        const bytes = await steps.seal(resource, category);
        return { bytes, hash: sha256Hex(bytes), category };
      }),
    );
    steps.onProgress?.({ phase: 'uploading', anchored, total });
    await inParallel(sealed, PARALLEL_UPLOADS, (record) => steps.upload(record.bytes, record.hash, record.category));
    steps.onProgress?.({ phase: 'anchoring', anchored, total });
    await steps.anchor(sealed.map(({ hash, category }) => ({ hash, category })));
    anchored += batch.length;
  }
  steps.onProgress?.({ phase: 'done', anchored, total });
  return { stored: total, duplicates: items.length - total };
}
