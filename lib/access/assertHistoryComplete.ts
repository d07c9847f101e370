import type { Address } from 'viem';
import { OwnChartError } from '../errors/OwnChartError';
import type { AccessEvent, Grant } from './types';

/** The event history read from the node does not add up to the grants the chain holds now. */
export class IncompleteHistoryError extends OwnChartError {
  override name = 'IncompleteHistoryError';
  constructor(grantee: Address) {
    super(
      'The blockchain node (or the history service) returned an incomplete access history, so OwnChart cannot be sure which keys are current. Nothing was sealed or shared. Try again, or use another node.',
      { details: `history and current grants disagree for ${grantee}` },
    );
  }
}

/**
 * Key versions are worked out from the access history (eth_getLogs); a lagging or range-capped
 * node can leave out a revocation, and a key would then be reused that a revoked reader holds.
 * So the history is folded into the grants it implies and compared with the grants read
 * directly from the registry: every grant the chain holds must be there with the same
 * categories, and nothing the chain no longer holds may be. An expiry may read earlier on-chain
 * than in the events (a caregiver's grant ends with the appointment), never later.
 */
export function assertHistoryComplete(history: readonly AccessEvent[], current: readonly Grant[]): void {
  const folded = new Map<string, { categories: number; expiresAt: number | null }>();
  const oldestFirst = [...history].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
  for (const event of oldestFirst) {
    const id = event.grantee.toLowerCase();
    if (event.kind === 'revoked') folded.delete(id);
    else if (event.kind === 'granted' || event.kind === 'updated') {
      folded.set(id, { categories: event.categories ?? 0, expiresAt: event.expiresAt });
    }
  }
  for (const grant of current) {
    const seen = folded.get(grant.counterparty.toLowerCase());
    const later = (a: number | null, b: number | null) => (a === null ? b !== null : b !== null && a > b);
    if (!seen || seen.categories !== grant.categories || later(grant.expiresAt, seen.expiresAt)) {
      throw new IncompleteHistoryError(grant.counterparty);
    }
    folded.delete(grant.counterparty.toLowerCase());
  }
  const [stale] = folded.keys();
  if (stale) throw new IncompleteHistoryError(stale as Address);
}
