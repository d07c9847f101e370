'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useSyncExternalStore } from 'react';
import { WALKTHROUGH } from '@/lib/walkthrough/steps';

const STORAGE_KEY = 'ownchart.walkthrough.step';
const CHANGED = 'ownchart:walkthrough';

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

const read = () => {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return stored === null ? null : Number(stored);
};

function store(step: number | null) {
  if (step === null) window.localStorage.removeItem(STORAGE_KEY);
  else window.localStorage.setItem(STORAGE_KEY, String(step));
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * The walkthrough step the presenter is on (1-based), kept in this browser across pages and
 * account switches (null when no walkthrough is running); `goTo` makes step `n` current and opens
 * its page, `leave` ends the walkthrough.
 */
export function useWalkthroughStep() {
  const current = useSyncExternalStore(subscribe, read, () => null);
  const router = useRouter();
  const goTo = useCallback(
    (n: number) => {
      store(n);
      router.push(WALKTHROUGH[n - 1]!.href);
    },
    [router],
  );
  const leave = useCallback(() => store(null), []);
  return { current, goTo, leave };
}
