'use client';

import { useQuery } from '@tanstack/react-query';
import type { Address, PublicClient } from 'viem';
import { zeroHash } from 'viem';
import { usePublicClient } from 'wagmi';
import { chainConfig } from '@/lib/chain/chainConfig';
import { readRegisteredKey } from '@/lib/vault/registeredKey';
import { VaultGate } from './VaultGate';
import { useVault } from './VaultProvider';

/**
 * Onboarding for someone patients share with: until the account has an encryption key on-chain,
 * nobody can seal record keys to it, so say so and offer to set it up.
 */
export function EncryptionSetup({ account }: { account: Address }) {
  const client = usePublicClient() as PublicClient | undefined;
  const { keysFor } = useVault();
  const registered = useQuery({
    queryKey: ['vault', chainConfig.chain.id, 'registered-key', account, Boolean(keysFor(account))],
    queryFn: () => readRegisteredKey(client!, chainConfig, account),
    enabled: Boolean(client),
  });
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
