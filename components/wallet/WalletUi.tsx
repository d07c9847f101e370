'use client';

import dynamic from 'next/dynamic';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

/** RainbowKit's three dialogs: pick a wallet (and sign in), the account, the network. */
export type WalletModal = 'connect' | 'account' | 'chain';

export type ModalRequest = { modal: WalletModal; id: number };

const loadWalletModals = () => import('./WalletModals');
const WalletModals = dynamic(() => loadWalletModals().then((m) => m.WalletModals), { ssr: false });

/** Starts downloading the wallet dialogs (on hover or focus), so a click opens them at once. */
export const preloadWalletModals = (): void => void loadWalletModals().catch(() => undefined);

const OpenModalContext = createContext<(modal: WalletModal) => void>(() => undefined);

/**
 * RainbowKit, its styles and the sign-in step are a third of a page's JavaScript and needed only
 * when someone opens a wallet dialog: they are loaded on the first such click, then stay.
 */
export function WalletUi({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<ModalRequest | null>(null);
  const [used, setUsed] = useState(false);
  const openModal = useCallback((modal: WalletModal) => {
    setUsed(true);
    setRequest((r) => ({ modal, id: (r?.id ?? 0) + 1 }));
  }, []);
  const opened = useCallback(() => setRequest(null), []);
  return (
    <OpenModalContext.Provider value={openModal}>
      {children}
      {used && <WalletModals request={request} onOpened={opened} />}
    </OpenModalContext.Provider>
  );
}

export const useOpenWalletModal = (): ((modal: WalletModal) => void) => useContext(OpenModalContext);
