import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { AccessEvent } from '../access/types';

/**
 * A patient's key for one category and key version. Derived from the patient's own encryption key,
 * so the patient needs no stored copy of it and nobody (no server) can slip them a different one.
 */
export function deriveCategoryKey(patientPrivateKey: Uint8Array, category: number, version: number): Uint8Array {
  return hkdf(
    sha256,
    patientPrivateKey,
    utf8ToBytes('OwnChart/category-key/v1'),
    utf8ToBytes(`category ${category} version ${version}`),
    32,
  );
}

/** Current key version per category bit (index 0–31). */
export type KeyVersions = readonly number[];

type HeldGrant = { categories: number; expiresAt: number | null };

/**
 * The key version each category is at now, worked out from the patient's public access history:
 * every time someone loses access to a category (revoked, narrowed, or expired) its version goes up
 * by one, so records written afterwards use a key that person never held. Anyone can compute it
 * from the chain; no server can roll it back.
 */
export function keyVersionsAt(history: readonly AccessEvent[], now: number): KeyVersions {
  const versions = new Array<number>(32).fill(0);
  const lose = (mask: number) => {
    for (let bit = 0; bit < 32; bit++) if (mask & (1 << bit)) versions[bit]!++;
  };
  const expired = (grant: HeldGrant, at: number) => grant.expiresAt !== null && grant.expiresAt <= at;

  const held = new Map<string, HeldGrant>();
  const oldestFirst = [...history].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
  for (const event of oldestFirst) {
    // A policy change ends every open break-glass window at once (EmergencyAccess epochs).
    if (event.kind === 'emergency-policy') {
      for (const [grantee, grant] of held) {
        if (!grantee.startsWith('emergency:')) continue;
        // Ended now, or expired before: either way that access was lost once.
        lose(grant.categories);
        held.delete(grantee);
      }
      continue;
    }
    // A break-glass window is access too: opened like a grant with an expiry, ended like a revoke.
    // So is a caregiver's appointment (every category).
    const emergency = event.kind === 'emergency-opened' || event.kind === 'emergency-ended';
    const caregiver = event.kind === 'caregiver-appointed' || event.kind === 'caregiver-removed';
    const grantee = `${emergency ? 'emergency:' : caregiver ? 'caregiver:' : ''}${event.grantee.toLowerCase()}`;
    const previous = held.get(grantee);
    if (event.kind === 'revoked' || event.kind === 'emergency-ended' || event.kind === 'caregiver-removed') {
      if (previous) lose(previous.categories);
      held.delete(grantee);
      continue;
    }
    const next = { categories: event.categories ?? 0, expiresAt: event.expiresAt };
    if (previous)
      lose(expired(previous, event.timestamp) ? previous.categories : previous.categories & ~next.categories);
    held.set(grantee, next);
  }
  for (const grant of held.values()) if (expired(grant, now)) lose(grant.categories);
  return versions;
}
