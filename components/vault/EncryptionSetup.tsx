'use client';

import { zeroHash, type Address } from 'viem';
import { useChainQuery } from '@/components/hooks/useChainQuery';
import { chainConfig } from '@/lib/chain/chainConfig';
import { registeredKeyQueryOptions } from '@/lib/vault/vaultQueryOptions';
import { VaultGate } from './VaultGate';
import { useVault } from './VaultProvider';

/**
 * Onboarding for someone patients share with: until the account has an encryption key on-chain,
 * nobody can seal record keys to it, so say so and offer to set it up.
 */
export function EncryptionSetup({ account }: { account: Address }) {
  const { keysFor } = useVault();
  // Registering invalidates this read (lib/vault/actions): no need to key it on the vault's state.
  const registered = useChainQuery((client) => registeredKeyQueryOptions(client, chainConfig, account));
  if (registered.data !== zeroHash && !keysFor(account)) return null;
  if (registered.data === undefined) return null;
  return (
    <VaultGate account={account} purpose="set up encryption, so patients can share their records with you">
      {() => (
        <p role="status" className="card">
          <span aria-hidden="true">✓ </span>Encryption is set up: patients can now share records with you.
        </p>
      )}
    </VaultGate>
  );
}
