import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SpentNonces } from '../db/sqlServerState';

const EXPIRY_HEX = 11;
const RANDOM_HEX = 16;
const MAC_HEX = 16;
const NONCE = new RegExp(`^[0-9a-f]{${EXPIRY_HEX + RANDOM_HEX + MAC_HEX}}$`);

/**
 * Sign-In with Ethereum nonces that need no server memory until they are used: each nonce is its
 * expiry, random bits and an HMAC over both under the site's nonce key (hex, as EIP-4361 wants
 * alphanumeric). Issuing stores nothing, so a flood of nonce requests cannot push anyone's
 * pending nonce out; only nonces spent (at most one per sign-in attempt, which is rate-limited)
 * are remembered, in the shared database, until they would have expired anyway. Every server of
 * a site holds the same key (from its configuration), so a nonce issued by one is accepted once
 * by any of them, and refused ever after by all.
 */
export class NonceStore {
  constructor(
    private readonly key: Uint8Array,
    private readonly spent: SpentNonces,
    readonly lifetimeMs = 10 * 60_000,
  ) {
    if (key.length < 32) throw new RangeError('The nonce key must be at least 32 bytes.');
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('hex').slice(0, MAC_HEX);
  }

  issue(now = Date.now()): string {
    const body = `${(now + this.lifetimeMs).toString(16).padStart(EXPIRY_HEX, '0')}${randomBytes(RANDOM_HEX / 2).toString('hex')}`;
    return `${body}${this.mac(body)}`;
  }

  /** True once for a nonce this site issued and that has not expired; false ever after. */
  async consume(nonce: string, now = Date.now()): Promise<boolean> {
    if (!NONCE.test(nonce)) return false;
    const body = nonce.slice(0, EXPIRY_HEX + RANDOM_HEX);
    const given = Buffer.from(nonce.slice(EXPIRY_HEX + RANDOM_HEX));
    const expected = Buffer.from(this.mac(body));
    if (!timingSafeEqual(given, expected)) return false;
    const expiresAt = parseInt(nonce.slice(0, EXPIRY_HEX), 16);
    if (now >= expiresAt) return false;
    return this.spent.spend(nonce, expiresAt, now);
  }
}
