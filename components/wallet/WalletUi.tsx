'use client';

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useAccount } from 'wagmi';

/** RainbowKit's dialogs used here: pick a wallet (and sign in), and the account's. */
export type WalletModal = 'connect' | 'account';

type WalletModalsModule = typeof import('./WalletModals');
const loadWalletModals = (): Promise<WalletModalsModule> => import('./WalletModals');

/** Starts downloading the wallet dialogs (on hover or focus), so a click opens them at once. */
export const preloadWalletModals = (): void => void loadWalletModals().catch(() => undefined);

const OpenModalContext = createContext<(modal: WalletModal) => void>(() => undefined);

/**
 * RainbowKit, its styles and the sign-in step are a third of a page's JavaScript and needed only
 * when someone opens a wallet dialog: they are loaded on the first such click, then stay. Rendered
 * plainly once loaded (not through next/dynamic, whose Suspense reveal React holds back).
 */
export function WalletUi({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<WalletModal | null>(null);
  const [loaded, setLoaded] = useState<WalletModalsModule | null>(null);
  const [failed, setFailed] = useState(false);
  const openModal = useCallback((modal: WalletModal) => {
    setRequest(modal);
    setFailed(false);
    loadWalletModals().then(setLoaded, () => setFailed(true));
  }, []);
  const opened = useCallback(() => setRequest(null), []);
  // A request the wallet moved past (it connected, or changed account, meanwhile) is not opened
  // later by surprise.
  const { address, chainId } = useAccount();
  useEffect(() => setRequest(null), [address, chainId]);
  return (
    <OpenModalContext.Provider value={openModal}>
      {children}
      {loaded && <loaded.WalletModals request={request} onOpened={opened} />}
      {failed && (
        <p role="alert" className="fixed inset-x-4 bottom-4 z-50 mx-auto max-w-md rounded border bg-white p-3 shadow">
          The wallet picker could not be downloaded. Check your connection and press the button again.
        </p>
      )}
    </OpenModalContext.Provider>
  );
}

export const useOpenWalletModal = (): ((modal: WalletModal) => void) => useContext(OpenModalContext);
