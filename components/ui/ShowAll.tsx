'use client';

import { useState } from 'react';

/** The first `limit` items of a long list, or all of them once the reader asks. */
export function useShowAll<T>(items: readonly T[], limit: number) {
  const [all, setAll] = useState(false);
  return {
    shown: all ? items : items.slice(0, limit),
    all,
    hasMore: items.length > limit,
    toggle: () => setAll((open) => !open),
  };
}

/** The button that shows the rest of a `useShowAll` list, and hides it again; none for a short list. */
export function ShowAllButton({
  list,
  more,
  fewer,
}: {
  list: Pick<ReturnType<typeof useShowAll>, 'all' | 'hasMore' | 'toggle'>;
  more: string;
  fewer: string;
}) {
  if (!list.hasMore) return null;
  return (
    <button type="button" className="btn-secondary" onClick={list.toggle}>
      {list.all ? fewer : more}
    </button>
  );
}
