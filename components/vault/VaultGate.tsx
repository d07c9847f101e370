'use client';

import { useEffect, type ReactNode } from 'react';
import type { Address } from 'viem';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { UserRejectedError } from '@/lib/errors/OwnChartError';
import { preloadVaultReader } from '@/lib/vault/vaultQueryOptions';
import { loadKeyDerivation, useUnlockVault } from './useUnlockVault';
import { useVault } from './VaultProvider';

/**
 * Renders `children` with the account's encryption keys once unlocked; until then explains what
 * unlocking does and offers it. Keys stay in this tab's memory only.
 */
export function VaultGate({
  account,
  purpose,
  children,
}: {
  account: Address;
  purpose: string;
  children: (keys: EncryptionKeyPair) => ReactNode;
}) {
  const { keysFor } = useVault();
  const keys = keysFor(account);
  // Fetch the key and chart-reading code while the person decides to unlock, so it is there when
  // they do, without being part of the page's first load.
  useEffect(() => {
    preloadVaultReader();
    void loadKeyDerivation().catch(() => undefined);
  }, []);
  if (keys) return <>{children(keys)}</>;
  return <UnlockCard account={account} purpose={purpose} />;
}

function UnlockCard({ account, purpose }: { account: Address; purpose: string }) {
  const { state, unlock, register, registration, registering } = useUnlockVault(account);

  if (state.status === 'needs-registration') {
    return (
      <section aria-labelledby="setup-heading" className="card space-y-3">
        <h2 id="setup-heading" className="text-xl font-semibold">
          Set up encryption
        </h2>
        <p>
          This account has no encryption key yet. Registering puts only its public half on-chain, so records can be
          sealed for you. It is one transaction, done once.
        </p>
        <button type="button" className="btn-primary" disabled={registering} onClick={() => register(state.keys)}>
          Register encryption key
        </button>
        <TransactionStatus stage={registration} />
      </section>
    );
  }

  return (
    <section aria-labelledby="unlock-heading" className="card space-y-3">
      <h2 id="unlock-heading" className="text-xl font-semibold">
        Unlock records
      </h2>
      <p>
        Records are encrypted, and only opened here in your browser. To {purpose}, your wallet signs twice: once to sign
        in to the storage server, once to unlock your encryption key. Neither is a transaction and neither costs
        anything.
      </p>
      <button type="button" className="btn-primary" disabled={state.status === 'working'} onClick={unlock}>
        {state.status === 'working' ? 'Unlocking…' : 'Unlock records'}
      </button>
      <div role="status" aria-live="polite">
        {state.status === 'working' && <p>{state.step}</p>}
      </div>
      {state.status === 'failed' &&
        (state.error instanceof UserRejectedError ? (
          <p className="rounded-md border border-slate-300 bg-slate-50 p-3">{state.error.shortMessage}</p>
        ) : (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
            <strong>Could not unlock. </strong>
            {state.error.shortMessage}
          </p>
        ))}
    </section>
  );
}
