/**
 * Where the app's history reads last came from, for the notice that says so: the indexer, or the
 * chain directly because the indexer is behind or cannot be reached. Framework-free, read by
 * components through useSyncExternalStore.
 */
export type IndexerStatus = { state: 'current' } | { state: 'behind'; blocks: bigint } | { state: 'unreachable' };

let status: IndexerStatus = { state: 'current' };
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
  status = next;
  for (const listener of listeners) listener();
}
