/**
 * Where the app's history reads last came from, for the notice that says so: the indexer, or the
 * chain directly because the indexer is behind or cannot be reached. Framework-free, read by
 * components through useSyncExternalStore.
 */
export type IndexerStatus = { state: 'current' } | { state: 'behind'; blocks: bigint } | { state: 'unreachable' };

/** The status before any read, and on the server's render: nothing to say. */
export const INDEXER_CURRENT: IndexerStatus = { state: 'current' };

let status: IndexerStatus = INDEXER_CURRENT;
const listeners = new Set<() => void>();

export function indexerStatus(): IndexerStatus {
  return status;
}

export function subscribeIndexerStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportIndexerStatus(next: IndexerStatus): void {
  const same =
    next.state === status.state &&
    (next.state !== 'behind' || (status.state === 'behind' && next.blocks === status.blocks));
  if (same) return;
  status = next.state === 'current' ? INDEXER_CURRENT : next;
  for (const listener of listeners) listener();
}

/** What to tell the person, or null when history came from the indexer as it should. */
export function describeIndexerStatus(status: IndexerStatus): string | null {
  if (status.state === 'current') return null;
  const where =
    status.state === 'behind'
      ? `The history service is ${status.blocks.toLocaleString('en-US')} blocks behind the blockchain, so the latest part of your history was read from the blockchain directly.`
      : 'The history service cannot be reached just now, so history was read from the blockchain directly.';
  return `${where} Nothing is missing; pages with history may load more slowly.`;
}
