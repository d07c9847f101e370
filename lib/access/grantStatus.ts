import type { Grant, GrantStatus } from './types';

/**
 * Whether a grant reads at chain time `now` (seconds). Mirrors AccessRegistry: a grant stops at
 * its expiry second. Use chain time, not the browser clock, so the page agrees with the contract.
 */
export function grantStatus(grant: Pick<Grant, 'expiresAt'>, now: number): GrantStatus {
  return grant.expiresAt === null || now < grant.expiresAt ? 'active' : 'expired';
}
