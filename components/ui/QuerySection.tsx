import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryErrorBanner } from './QueryErrorBanner';

/**
 * The four states of a read, said the same way everywhere: loading, failed (with Retry), empty,
 * or the data. "Empty" is shown only once the read succeeded: a failed read never says "none".
 */
export function QuerySection<T>({
  query,
  what,
  loading,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  /** What failed to load, for "Could not load …". */
  what: string;
  loading: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <p role="status">{loading}</p>;
  if (query.isError) return <QueryErrorBanner error={query.error} onRetry={() => query.refetch()} what={what} />;
  if (isEmpty?.(query.data)) return <p>{empty}</p>;
  return <>{children(query.data)}</>;
}
