'use client';

import { useCallback, useSyncExternalStore } from 'react';

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

/**
 * The walkthrough step the presenter is on (1-based), kept in this browser across pages and
 * account switches; null when no walkthrough is running.
 */
export function useWalkthroughStep(): [number | null, (step: number | null) => void] {
  const step = useSyncExternalStore(subscribe, read, () => null);
  const setStep = useCallback((next: number | null) => {
    if (next === null) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, String(next));
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [step, setStep];
}
