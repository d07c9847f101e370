'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Address } from 'viem';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';

type VaultContextValue = {
  keysFor: (account: Address) => EncryptionKeyPair | undefined;
  remember: (account: Address, keys: EncryptionKeyPair) => void;
  /** Drops every unlocked key: on sign-out, disconnect or account switch. */
  forgetAll: () => void;
};

const VaultContext = createContext<VaultContextValue | null>(null);

/**
 * Holds unlocked encryption keys in memory for this tab only: never stored, gone on reload, so a
 * closed tab leaves nothing that could open a record.
 */
export function VaultProvider({ children }: { children: ReactNode }) {
  const [keys, setKeys] = useState(new Map<string, EncryptionKeyPair>());
  const keysFor = useCallback((account: Address) => keys.get(account.toLowerCase()), [keys]);
  const remember = useCallback(
    (account: Address, pair: EncryptionKeyPair) =>
      setKeys((current) => new Map(current).set(account.toLowerCase(), pair)),
    [],
  );
  const forgetAll = useCallback(() => setKeys(new Map()), []);
  const value = useMemo(() => ({ keysFor, remember, forgetAll }), [keysFor, remember, forgetAll]);
  return <VaultContext.Provider value={value}>{children}</VaultContext.Provider>;
}

export function useVault(): VaultContextValue {
  const context = useContext(VaultContext);
  if (!context) throw new Error('useVault needs a VaultProvider');
  return context;
}
