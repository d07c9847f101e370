import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { RateLimit, RateLimiter, RateLimitName } from '../api/rateLimits';
import type { ServerDatabase } from './openDatabase';

/** Spent sign-in nonces, shared by every server: a nonce is accepted once, by whichever server sees it first. */
export function sqlSpentNonces(db: ServerDatabase) {
  return {
    /** True if `nonce` was not spent before (and now is), false if it was. */
    async spend(nonce: string, expiresAt: number, now: number): Promise<boolean> {
      await db.deleteFrom('spent_nonces').where('expires_at', '<=', now).execute();
      const inserted = await db
        .insertInto('spent_nonces')
        .values({ nonce, expires_at: expiresAt })
        .onConflict((oc) => oc.column('nonce').doNothing())
        .executeTakeFirst();
      return inserted.numInsertedOrUpdatedRows === 1n;
    },
  };
}
export type SpentNonces = ReturnType<typeof sqlSpentNonces>;

/** Sessions ended by signing out, shared by every server, until they would have expired anyway. */
export function sqlSessionRevocations(db: ServerDatabase) {
  return {
    async revoke(id: string, expiresAt: number, now = Date.now()): Promise<void> {
      await db.deleteFrom('revoked_sessions').where('expires_at', '<=', now).execute();
      if (expiresAt <= now) return;
      await db
        .insertInto('revoked_sessions')
        .values({ id, expires_at: expiresAt })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
    async isRevoked(id: string): Promise<boolean> {
      return (
        (await db.selectFrom('revoked_sessions').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
      );
    },
  };
}
export type SessionRevocations = ReturnType<typeof sqlSessionRevocations>;

/**
 * Fixed-window counters in the database, so every server counts against the same limit: one
 * upsert per bucket and key, atomic on both drivers, that starts the window over once it has
 * passed. Rows of windows long past are removed now and then.
 */
export function sqlRateLimiter(
  db: ServerDatabase,
  limits: Record<RateLimitName, RateLimit>,
  now = Date.now,
): RateLimiter {
  const longestWindowMs = Math.max(...Object.values(limits).map((l) => l.windowSeconds)) * 1000;
  let lastSweep = 0;

  async function take(
    key: string,
    allowed: number,
    windowSeconds: number,
    at: number,
    points: number,
  ): Promise<number | null> {
    const windowMs = windowSeconds * 1000;
    const windowStart = Math.floor(at / windowMs) * windowMs;
    const { rows } = await sql<{ points: number }>`
      INSERT INTO rate_limits (key, window_start, points) VALUES (${key}, ${windowStart}, ${points})
      ON CONFLICT (key) DO UPDATE SET
        points = CASE WHEN rate_limits.window_start = excluded.window_start
          THEN rate_limits.points + excluded.points ELSE excluded.points END,
        window_start = excluded.window_start
      RETURNING points`.execute(db);
    if (rows[0]!.points <= allowed) return null;
    return Math.max(1, Math.ceil((windowStart + windowMs - at) / 1000));
  }

  return {
    async consume(name, { account, client }, points = 1) {
      const at = now();
      if (at - lastSweep > longestWindowMs) {
        lastSweep = at;
        await db
          .deleteFrom('rate_limits')
          .where('window_start', '<', at - longestWindowMs)
          .execute();
      }
      const limit = limits[name];
      // A client address is whatever X-Forwarded-For said: kept short whatever its length.
      const clientKey = client.length > 64 ? createHash('sha256').update(client).digest('hex') : client;
      const waits = await Promise.all([
        take(`${name}:client:${clientKey}`, limit.perClient, limit.windowSeconds, at, points),
        account
          ? take(`${name}:account:${account.toLowerCase()}`, limit.perAccount, limit.windowSeconds, at, points)
          : null,
      ]);
      const wait = Math.max(...waits.map((w) => w ?? 0));
      return wait > 0 ? wait : null;
    },
  };
}

/** Runs work exclusively across servers, or answers null at once when another server is running it. */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T | null>;

/**
 * Exclusive work across every server of one PostgreSQL, under the transaction-scoped advisory lock
 * `key`: the first to ask runs it; the others answer null at once instead of waiting (anchoring
 * the disclosure log: two operators' transactions for one head would only waste gas). Not for
 * PGlite: `work` queries the database too, and PGlite's one connection would be held by the lock.
 */
export function sqlExclusive(db: ServerDatabase, key: number): Exclusive {
  return (work) =>
    db.transaction().execute(async (tx) => {
      const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${key}) AS locked`.execute(tx);
      return rows[0]!.locked ? work() : null;
    });
}
