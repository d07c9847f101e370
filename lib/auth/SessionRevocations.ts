import 'server-only';
/**
 * Sessions ended by signing out, remembered until they would have expired anyway, so a copied
 * cookie stops working the moment its owner signs out. In memory: one server process (the
 * "Beyond one machine" issue moves it to the shared database).
 */
export class SessionRevocations {
  private readonly revoked = new Map<string, number>();

  revoke(id: string, expiresAt: number, now = Date.now()): void {
    this.sweep(now);
    if (expiresAt > now) this.revoked.set(id, expiresAt);
  }

  isRevoked(id: string): boolean {
    return this.revoked.has(id);
  }

  /** Entries leave once their session has expired, so the set never outgrows live sessions. */
  private sweep(now: number): void {
    for (const [id, expiresAt] of this.revoked) if (expiresAt <= now) this.revoked.delete(id);
  }

  get size(): number {
    return this.revoked.size;
  }
}
