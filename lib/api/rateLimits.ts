import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Requests allowed per window, per signed-in account and per client address. */
export type RateLimit = { perAccount: number; perClient: number; windowSeconds: number };

/**
 * One bucket per kind of work. Sized so that a patient importing a thousand records or a clinician
 * paging a large chart never meets them, while one client cannot keep the server busy for others.
 */
export const RATE_LIMITS = {
  /** Nonces and sign-ins: no account yet, so only the client address counts. */
  auth: { perAccount: 30, perClient: 120, windowSeconds: 60 },
  /** Reading records, keys, documents, disclosures. */
  read: { perAccount: 600, perClient: 1200, windowSeconds: 60 },
  /** Storing records, keys, contributions, documents: an import uploads one request per record. */
  write: { perAccount: 2400, perClient: 4800, windowSeconds: 60 },
  /** Publishing study documents: a researcher writes two per study. */
  document: { perAccount: 20, perClient: 40, windowSeconds: 3600 },
  /** Asking the operator to send an anchoring transaction. */
  anchor: { perAccount: 2, perClient: 4, windowSeconds: 3600 },
} satisfies Record<string, RateLimit>;

export type RateLimitName = keyof typeof RATE_LIMITS;

export type RateLimiter = {
  /** Null if allowed, else how many seconds to wait. Counts the request either way. */
  consume(name: RateLimitName, keys: { account: string | null; client: string }): Promise<number | null>;
};

/** In-memory counters (one process), from rate-limiter-flexible. */
export function createRateLimiter(limits: Record<RateLimitName, RateLimit> = RATE_LIMITS): RateLimiter {
  const limiters = new Map<string, RateLimiterMemory>();
  for (const [name, limit] of Object.entries(limits)) {
    limiters.set(`${name}:account`, new RateLimiterMemory({ points: limit.perAccount, duration: limit.windowSeconds }));
    limiters.set(`${name}:client`, new RateLimiterMemory({ points: limit.perClient, duration: limit.windowSeconds }));
  }

  async function take(limiter: RateLimiterMemory, key: string): Promise<number | null> {
    try {
      await limiter.consume(key);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }

  return {
    async consume(name, { account, client }) {
      const waits = await Promise.all([
        take(limiters.get(`${name}:client`)!, client),
        account ? take(limiters.get(`${name}:account`)!, account.toLowerCase()) : null,
      ]);
      const wait = Math.max(...waits.map((w) => w ?? 0));
      return wait > 0 ? wait : null;
    },
  };
}
