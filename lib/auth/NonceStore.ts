import { generateSiweNonce } from 'viem/siwe';

/**
 * Issues Sign-In with Ethereum nonces and accepts each exactly once, within its lifetime.
 * Bounded: at most `capacity` outstanding nonces, the oldest dropped first, so a flood of nonce
 * requests costs a fixed amount of memory. Every nonce lives equally long, so insertion order is
 * expiry order and sweeping stops at the first live one. In memory: one server process.
 */
export class NonceStore {
  private readonly issued = new Map<string, number>();

  constructor(
    readonly lifetimeMs = 10 * 60_000,
    private readonly capacity = 10_000,
  ) {}

  issue(now = Date.now()): string {
    this.sweep(now);
    while (this.issued.size >= this.capacity) this.issued.delete(this.issued.keys().next().value!);
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

  get size(): number {
    return this.issued.size;
  }

  private sweep(now: number): void {
    for (const [nonce, expiresAt] of this.issued) {
      if (expiresAt > now) break;
      this.issued.delete(nonce);
    }
  }
}
