'use client';

import { useSyncExternalStore } from 'react';
import {
  describeIndexerStatus,
  INDEXER_CURRENT,
  indexerStatus,
  subscribeIndexerStatus,
} from '@/lib/chain/indexerStatus';

/** One line, only while history is being read around the indexer (behind or down). */
export function IndexerNotice() {
  const status = useSyncExternalStore(subscribeIndexerStatus, indexerStatus, () => INDEXER_CURRENT);
  const message = describeIndexerStatus(status);
  // Nothing at all while there is nothing to say: the page's layout stays as it is.
  return message ? (
    <p role="status" className="text-sm text-slate-700">
      {message}
    </p>
  ) : null;
}
