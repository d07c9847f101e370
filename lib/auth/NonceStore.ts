import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const EXPIRY_HEX = 11;
const RANDOM_HEX = 16;
const MAC_HEX = 16;
const NONCE = new RegExp(`^[0-9a-f]{${EXPIRY_HEX + RANDOM_HEX + MAC_HEX}}$`);

/**
 * Sign-In with Ethereum nonces that need no server memory until they are used: each nonce is its
 * expiry, random bits and an HMAC over both under this process's key (hex, as EIP-4361 wants
 * alphanumeric). Issuing
 * stores nothing, so a flood of nonce requests cannot push anyone's pending nonce out; only
 * nonces spent (at most one per sign-in attempt, which is rate-limited) are remembered, until
 * they would have expired anyway. In memory: one server process.
 */
export class NonceStore {
  private readonly spent = new Map<string, number>();
  /**
   * A fresh key per process: the spent set lives in memory, so a nonce issued before a restart
   * must not verify after it (a captured sign-in could otherwise be replayed once more).
   */
  private readonly key = randomBytes(32);

  constructor(readonly lifetimeMs = 10 * 60_000) {}

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('hex').slice(0, MAC_HEX);
  }

  issue(now = Date.now()): string {
    const body = `${(now + this.lifetimeMs).toString(16).padStart(EXPIRY_HEX, '0')}${randomBytes(RANDOM_HEX / 2).toString('hex')}`;
    return `${body}${this.mac(body)}`;
  }

  /** True once for a nonce this server issued and that has not expired; false ever after. */
  consume(nonce: string, now = Date.now()): boolean {
    if (!NONCE.test(nonce)) return false;
    const body = nonce.slice(0, EXPIRY_HEX + RANDOM_HEX);
    const given = Buffer.from(nonce.slice(EXPIRY_HEX + RANDOM_HEX));
    const expected = Buffer.from(this.mac(body));
    if (!timingSafeEqual(given, expected)) return false;
    const expiresAt = parseInt(nonce.slice(0, EXPIRY_HEX), 16);
    if (now >= expiresAt || this.spent.has(nonce)) return false;
    if (this.spent.size >= 1_000) this.sweep(now);
    this.spent.set(nonce, expiresAt);
    return true;
  }

  /** Spent nonces remembered now (each only until it would have expired). */
  get size(): number {
    return this.spent.size;
  }

  private sweep(now: number): void {
    for (const [nonce, expiresAt] of this.spent) if (expiresAt <= now) this.spent.delete(nonce);
  }
}
