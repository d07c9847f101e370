import 'server-only';

/** Requests allowed per window, per signed-in account and per client address. */
export type RateLimit = { perAccount: number; perClient: number; windowSeconds: number };

/**
 * One bucket per kind of work. Sized so that a patient importing a thousand records or a clinician
 * opening a large chart never meets them, while one client cannot keep the server busy for others.
 */
export const RATE_LIMITS = {
  /** Nonces and sign-ins: no account yet, so only the client address counts. */
  auth: { perAccount: 30, perClient: 120, windowSeconds: 60 },
  /** Reading records, keys, documents, disclosures. */
  read: { perAccount: 600, perClient: 1200, windowSeconds: 60 },
  /**
   * Records served, counted one per record (each is a disclosure logged before it is served): a
   * chart of 1,000 records opened every minute stays well inside; reading a huge chart again and
   * again to flood the log does not.
   */
  records: { perAccount: 30_000, perClient: 60_000, windowSeconds: 600 },
  /** Storing records, keys, contributions, documents: an import uploads one request per record. */
  write: { perAccount: 2400, perClient: 4800, windowSeconds: 60 },
  /** Publishing study documents: a researcher writes two per study. */
  document: { perAccount: 20, perClient: 40, windowSeconds: 3600 },
  /** Asking the operator to send an anchoring transaction. */
  anchor: { perAccount: 2, perClient: 4, windowSeconds: 3600 },
} satisfies Record<string, RateLimit>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** Counts requests against RATE_LIMITS; lib/db/sqlServerState.ts keeps the counts, shared by every server. */
export type RateLimiter = {
  /** Null if allowed, else how many seconds to wait. Counts `points` (one request) either way. */
  consume(
    name: RateLimitName,
    keys: { account: string | null; client: string },
    points?: number,
  ): Promise<number | null>;
};
