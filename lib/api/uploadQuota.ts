import 'server-only';
import type { Address } from 'viem';
import type { BlobScope, BlobStore, ContentHash } from '../storage/BlobStore';

export type UploadQuota = {
  /**
   * Releases uploads the chain has anchored since and deletes those past their grace time:
   * run on a timer, so an uploader who never comes back leaves nothing behind for long.
   */
  sweep(): Promise<void>;
  /** Counts an upload against its uploader's unanchored allowance, or says why it cannot be taken. */
  reserve(upload: {
    scope: BlobScope;
    /** Whose allowance it counts against, when not its scope's (an import's manifest and blobs share one). */
    pool?: BlobScope;
    uploader: Address;
    hash: ContentHash;
    bytes: number;
  }): Promise<{ ok: true } | { ok: false; message: string }>;
};

type Pending = { scope: BlobScope; hash: ContentHash; bytes: number; storedAt: number };

export type UploadQuotaParameters = {
  store: BlobStore;
  /** Which of `hashes` the chain has anchored in `scope`; one multicall. */
  anchored: (scope: BlobScope, hashes: readonly ContentHash[]) => Promise<boolean[]>;
  /** Unanchored bytes one uploader may keep in one scope. */
  limitBytes?: number;
  /** How long an upload may wait for its anchor before it is collected. */
  graceMs?: number;
  now?: () => number;
};

/** Above the largest import (1,244 records, ≈6 MB sealed) many times over. */
export const UNANCHORED_LIMIT_BYTES = 64 * 1024 * 1024;
/**
 * A day: an import waits for the patient's wallet between upload and anchor, and content
 * deleted under an anchor that lands later would be lost; a day's unanchored data is cheap.
 */
export const UNANCHORED_GRACE_MS = 24 * 60 * 60_000;

/**
 * Uploads are stored before they are anchored (the anchor needs their hashes), so storage is
 * open to data that never gets anchored. This bounds it: each uploader may keep `limitBytes`
 * unanchored per scope; uploads the chain has since anchored are released, and those older than
 * `graceMs` and still unanchored are deleted (only if that uploader's binding is still the one
 * stored), both when an upload would pass the limit and on every sweep. In memory: after a
 * restart, earlier unanchored uploads are no longer counted (the shared database of the
 * "Beyond one machine" issue keeps them).
 */
export function createUploadQuota({
  store,
  anchored,
  limitBytes = UNANCHORED_LIMIT_BYTES,
  graceMs = UNANCHORED_GRACE_MS,
  now = Date.now,
}: UploadQuotaParameters): UploadQuota {
  const pending = new Map<string, Pending[]>();
  const total = (list: readonly Pending[]) => list.reduce((sum, p) => sum + p.bytes, 0);

  async function settle(uploader: Address, list: Pending[]): Promise<Pending[]> {
    if (list.length === 0) return list;
    const isAnchored = new Set<Pending>();
    for (const scope of new Set(list.map((p) => p.scope))) {
      const inScope = list.filter((p) => p.scope === scope);
      const answers = await anchored(
        scope,
        inScope.map((p) => p.hash),
      );
      inScope.forEach((p, i) => answers[i] && isAnchored.add(p));
    }
    const waiting: Pending[] = [];
    for (const upload of list) {
      if (isAnchored.has(upload)) continue;
      if (now() - upload.storedAt <= graceMs) {
        waiting.push(upload);
        continue;
      }
      // Never someone else's copy of the same bytes.
      const binding = await store.binding(upload.scope, upload.hash);
      if (binding && binding.uploader.toLowerCase() === uploader.toLowerCase()) {
        await store.delete(upload.scope, upload.hash);
      }
    }
    return waiting;
  }

  const keyOf = (scope: BlobScope, uploader: Address) => `${scope}|${uploader.toLowerCase()}`;

  return {
    async sweep() {
      for (const [key, list] of [...pending]) {
        const uploader = key.split('|')[1] as Address;
        const waiting = await settle(uploader, list);
        if (waiting.length === 0) pending.delete(key);
        else pending.set(key, waiting);
      }
    },

    async reserve({ scope, pool = scope, uploader, hash, bytes }) {
      const key = keyOf(pool, uploader);
      let list = pending.get(key) ?? [];
      const again = list.find((p) => p.scope === scope && p.hash === hash);
      if (again) {
        // Sent again (a retried import): its wait for an anchor starts over.
        again.storedAt = now();
        return { ok: true };
      }
      if (total(list) + bytes > limitBytes) list = await settle(uploader, list);
      if (total(list) + bytes > limitBytes) {
        pending.set(key, list);
        return {
          ok: false,
          message: `You have ${Math.round(total(list) / 1024 / 1024)} MB stored here but not yet anchored on-chain. Anchor it (finish the import or the contribution) before storing more.`,
        };
      }
      list.push({ scope, hash, bytes, storedAt: now() });
      pending.set(key, list);
      return { ok: true };
    },
  };
}
