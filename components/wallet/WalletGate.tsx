'use client';

import type { ReactNode } from 'react';
import type { Address } from 'viem';
import { useAccount, useSwitchChain } from 'wagmi';
import { chainConfig } from '@/lib/chain/chainConfig';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';
import { WalletButton } from './WalletButton';

/**
 * Renders `children` for a connected wallet on the app's chain; otherwise asks to connect, or
 * offers to switch network. Nothing is read or written on a wrong chain.
 */
export function WalletGate({ children, purpose }: { children: (address: Address) => ReactNode; purpose: string }) {
  const { address, status, chainId } = useAccount();
  const { switchChain, isPending, error } = useSwitchChain();

  if (status === 'reconnecting' || status === 'connecting') {
    return <p role="status">Connecting to your wallet…</p>;
  }
  if (!address) {
    return (
      <section aria-labelledby="connect-heading" className="card space-y-3">
        <h2 id="connect-heading" className="text-xl font-semibold">
          Connect your wallet
        </h2>
        <p>Connect a wallet to {purpose}. Your wallet is your identity here: there is no password.</p>
        <WalletButton />
      </section>
    );
  }
  if (chainId !== chainConfig.chain.id) {
    return (
      <section role="alert" aria-labelledby="network-heading" className="card space-y-3 border-amber-400 bg-amber-50">
        <h2 id="network-heading" className="text-xl font-semibold">
          Wrong network
        </h2>
        <p>
          Your wallet is connected to another network. OwnChart runs on {chainConfig.chain.name} (chain{' '}
          {chainConfig.chain.id}). Nothing has been read or sent.
        </p>
        <button
          type="button"
          className="btn-primary"
          disabled={isPending}
          onClick={() => switchChain({ chainId: chainConfig.chain.id })}
        >
          {isPending ? 'Switching…' : 'Switch network'}
        </button>
        {error && <p>{toOwnChartError(error).shortMessage}</p>}
      </section>
    );
  }
  return <>{children(address)}</>;
}
