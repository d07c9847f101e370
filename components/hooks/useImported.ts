'use client';

import { useEffect, useState } from 'react';

type Imported<T> = { module: T; error: null } | { module: null; error: Error | null };

/**
 * A module imported when the component mounts: code a page needs only after the person acts (an
 * unlock), fetched while they do, so it is not part of the page's first load. Rendered plainly
 * once there. next/dynamic would suspend instead, and React holds a revealed boundary back for up
 * to 300 ms: a chart already downloaded appeared 300 ms late.
 */
export function useImported<T>(load: () => Promise<T>): Imported<T> {
  const [state, setState] = useState<Imported<T>>({ module: null, error: null });
  useEffect(() => {
    let current = true;
    load().then(
      (module) => current && setState({ module, error: null }),
      (error: unknown) => current && setState({ module: null, error: error as Error }),
    );
    return () => {
      current = false;
    };
  }, [load]);
  return state;
}
