import { generateSiweNonce } from 'viem/siwe';

/**
 * Issues Sign-In with Ethereum nonces and accepts each exactly once, within its lifetime.
 * In memory: one server process. A multi-instance deployment would back this with Redis.
 */
export class NonceStore {
  private readonly issued = new Map<string, number>();

  constructor(private readonly lifetimeMs = 10 * 60_000) {}

  issue(now = Date.now()): string {
    this.sweep(now);
    const nonce = generateSiweNonce();
    this.issued.set(nonce, now + this.lifetimeMs);
    return nonce;
  }

  /** True once for a nonce this store issued and that has not expired; false ever after. */
  consume(nonce: string, now = Date.now()): boolean {
    const expiresAt = this.issued.get(nonce);
    this.issued.delete(nonce);
    return expiresAt !== undefined && now < expiresAt;
  }

  private sweep(now: number): void {
    for (const [nonce, expiresAt] of this.issued) if (expiresAt <= now) this.issued.delete(nonce);
  }
}
