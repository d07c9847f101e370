import 'server-only';
import type { Address } from 'viem';
import { sql } from 'kysely';
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

  async function pendingOf(tx: ServerDatabase, pool: BlobScope, uploader: string): Promise<Pending[]> {
    const rows = await tx
      .selectFrom('pending_uploads')
      .selectAll()
      .where('pool', '=', pool)
      .where('uploader', '=', uploader)
      .execute();
    return rows.map((r) => ({ ...r, hash: r.hash as ContentHash, storedAt: r.stored_at }));
  }

  /**
   * One uploader's allowance at a time, whichever server asks: a transaction under an advisory
   * lock on (pool, uploader), so parallel uploads cannot each see room that only one of them has.
   */
  function underLock<T>(pool: BlobScope, uploader: string, work: (tx: ServerDatabase) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (tx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`${pool}|${uploader}`}))`.execute(tx);
      return work(tx);
    });
  }

  /** Which of `list` the chain has anchored: asked outside any transaction (it reads bindings). */
  async function anchoredOf(list: readonly Pending[]): Promise<Set<string>> {
    const done = new Set<string>();
    for (const scope of new Set(list.map((p) => p.scope))) {
      const inScope = list.filter((p) => p.scope === scope);
      const answers = await anchored(
        scope,
        inScope.map((p) => p.hash),
      );
      inScope.forEach((p, i) => answers[i] && done.add(`${p.scope}|${p.hash}`));
    }
    return done;
  }

  /**
   * Inside the uploader's lock: releases the uploads `isAnchored` names and forgets those past
   * their grace time, each only as it was read (a retry that started its wait again since keeps
   * it). Returns those still waiting, and those expired, whose blobs `collect` deletes once the
   * transaction is over (the blob store shares the database connection the transaction holds).
   */
  async function settle(tx: ServerDatabase, list: readonly Pending[], isAnchored: ReadonlySet<string>) {
    const waiting: Pending[] = [];
    const expired: Pending[] = [];
    for (const upload of list) {
      const anchoredNow = isAnchored.has(`${upload.scope}|${upload.hash}`);
      if (!anchoredNow && now() - upload.storedAt <= graceMs) {
        waiting.push(upload);
        continue;
      }
      const removed = await tx
        .deleteFrom('pending_uploads')
        .where('pool', '=', upload.pool)
        .where('uploader', '=', upload.uploader)
        .where('scope', '=', upload.scope)
        .where('hash', '=', upload.hash)
        .where('stored_at', '=', upload.storedAt)
        .executeTakeFirst();
      if (!anchoredNow && removed.numDeletedRows === 1n) expired.push(upload);
    }
    return { waiting, expired };
  }

  /** Deletes expired uploads' blobs, never someone else's copy of the same bytes. */
  async function collect(expired: readonly Pending[]): Promise<void> {
    for (const upload of expired) {
      const binding = await store.binding(upload.scope, upload.hash);
      if (binding && binding.uploader.toLowerCase() === upload.uploader) await store.delete(upload.scope, upload.hash);
    }
  }

  /** Counts `upload` if it fits beside `list`; inside the lock. */
  async function take(tx: ServerDatabase, list: readonly Pending[], upload: Omit<Pending, 'storedAt'>) {
    if (total(list) + upload.bytes > limitBytes) {
      return {
        ok: false as const,
        message: `You have ${Math.round(total(list) / 1024 / 1024)} MB stored here from imports or contributions not yet finished (not yet recorded on the blockchain, so not yet anchored). Finish them before storing more.`,
      };
    }
    await tx
      .insertInto('pending_uploads')
      .values({ ...upload, stored_at: now() })
      .onConflict((oc) => oc.columns(['pool', 'uploader', 'scope', 'hash']).doUpdateSet({ stored_at: now() }))
      .execute();
    return { ok: true as const };
  }

  return {
    async sweep() {
      const owners = await db.selectFrom('pending_uploads').select(['pool', 'uploader']).distinct().execute();
      for (const { pool, uploader } of owners) {
        const isAnchored = await anchoredOf(await pendingOf(db, pool, uploader));
        const { expired } = await underLock(pool, uploader, async (tx) =>
          settle(tx, await pendingOf(tx, pool, uploader), isAnchored),
        );
        await collect(expired);
      }
    },

    async reserve({ scope, pool = scope, uploader: who, hash, bytes }) {
      const uploader = who.toLowerCase();
      const upload = { pool, uploader, scope, hash, bytes };
      const first = await underLock(pool, uploader, async (tx) => {
        const list = await pendingOf(tx, pool, uploader);
        if (list.some((p) => p.scope === scope && p.hash === hash)) {
          // Sent again (a retried import): its wait for an anchor starts over.
          await tx
            .updateTable('pending_uploads')
            .set({ stored_at: now() })
            .where('pool', '=', pool)
            .where('uploader', '=', uploader)
            .where('scope', '=', scope)
            .where('hash', '=', hash)
            .execute();
          return { ok: true as const };
        }
        if (total(list) + bytes <= limitBytes) return take(tx, list, upload);
        return { ok: 'settle first' as const, list };
      });
      if (first.ok !== 'settle first') return first;
      // Over the allowance: release what the chain has anchored since, and expired uploads, then try again.
      const isAnchored = await anchoredOf(first.list);
      const { answer, expired } = await underLock(pool, uploader, async (tx) => {
        const settled = await settle(tx, await pendingOf(tx, pool, uploader), isAnchored);
        return { answer: await take(tx, settled.waiting, upload), expired: settled.expired };
      });
      await collect(expired);
      return answer;
    },
  };
}
