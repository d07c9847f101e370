import 'server-only';
import type { Address } from 'viem';
import type { ServerDatabase } from '../db/openDatabase';
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

type Pending = {
  pool: BlobScope;
  uploader: string;
  scope: BlobScope;
  hash: ContentHash;
  bytes: number;
  storedAt: number;
};

export type UploadQuotaParameters = {
  store: BlobStore;
  /** Where pending uploads are counted: the shared database, so every server counts the same bytes. */
  db: ServerDatabase;
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
 * stored), both when an upload would pass the limit and on every sweep. The pending uploads are
 * rows of the shared database, so a restart or a second server counts the same bytes.
 */
export function createUploadQuota({
  store,
  db,
  anchored,
  limitBytes = UNANCHORED_LIMIT_BYTES,
  graceMs = UNANCHORED_GRACE_MS,
  now = Date.now,
}: UploadQuotaParameters): UploadQuota {
  const total = (list: readonly Pending[]) => list.reduce((sum, p) => sum + p.bytes, 0);

  async function pendingOf(pool: BlobScope, uploader: string): Promise<Pending[]> {
    const rows = await db
      .selectFrom('pending_uploads')
      .selectAll()
      .where('pool', '=', pool)
      .where('uploader', '=', uploader)
      .execute();
    return rows.map((r) => ({ ...r, hash: r.hash as ContentHash, storedAt: r.stored_at }));
  }

  /** Releases `list`'s anchored uploads and deletes its expired ones; returns those still waiting. */
  async function settle(list: readonly Pending[]): Promise<Pending[]> {
    if (list.length === 0) return [];
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
      if (!isAnchored.has(upload) && now() - upload.storedAt <= graceMs) {
        waiting.push(upload);
        continue;
      }
      if (!isAnchored.has(upload)) {
        // Never someone else's copy of the same bytes.
        const binding = await store.binding(upload.scope, upload.hash);
        if (binding && binding.uploader.toLowerCase() === upload.uploader)
          await store.delete(upload.scope, upload.hash);
      }
      await db
        .deleteFrom('pending_uploads')
        .where('pool', '=', upload.pool)
        .where('uploader', '=', upload.uploader)
        .where('scope', '=', upload.scope)
        .where('hash', '=', upload.hash)
        .execute();
    }
    return waiting;
  }

  return {
    async sweep() {
      const owners = await db.selectFrom('pending_uploads').select(['pool', 'uploader']).distinct().execute();
      for (const { pool, uploader } of owners) await settle(await pendingOf(pool, uploader));
    },

    async reserve({ scope, pool = scope, uploader: who, hash, bytes }) {
      const uploader = who.toLowerCase();
      let list = await pendingOf(pool, uploader);
      if (list.some((p) => p.scope === scope && p.hash === hash)) {
        // Sent again (a retried import): its wait for an anchor starts over.
        await db
          .updateTable('pending_uploads')
          .set({ stored_at: now() })
          .where('pool', '=', pool)
          .where('uploader', '=', uploader)
          .where('scope', '=', scope)
          .where('hash', '=', hash)
          .execute();
        return { ok: true };
      }
      if (total(list) + bytes > limitBytes) list = await settle(list);
      if (total(list) + bytes > limitBytes) {
        return {
          ok: false,
          message: `You have ${Math.round(total(list) / 1024 / 1024)} MB stored here but not yet anchored on-chain. Anchor it (finish the import or the contribution) before storing more.`,
        };
      }
      await db
        .insertInto('pending_uploads')
        .values({ pool, uploader, scope, hash, bytes, stored_at: now() })
        .onConflict((oc) => oc.columns(['pool', 'uploader', 'scope', 'hash']).doUpdateSet({ stored_at: now() }))
        .execute();
      return { ok: true };
    },
  };
}
