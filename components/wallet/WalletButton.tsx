'use client';

import { useEffect, useState } from 'react';
import { useAccount, useSwitchChain } from 'wagmi';
import { chainConfig } from '@/lib/chain/chainConfig';
import { formatAddress } from '@/lib/format/formatAddress';
import { useSignInStatus } from './SignInSession';
import { preloadWalletModals, useOpenWalletModal } from './WalletUi';

/**
 * The wallet button: connect (and sign in), then the account's short address, which opens the
 * account dialog (copy, disconnect). On another network it offers the switch; an account that
 * has not signed in is offered that. Renders nothing on the server and while a wallet reconnects: what it
 * will say is not known yet.
 */
export function WalletButton({ className = 'btn-primary' }: { className?: string }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const { address, chainId, status } = useAccount();
  const signIn = useSignInStatus();
  const open = useOpenWalletModal();
  const { switchChain, isPending: switching } = useSwitchChain();
  if (!mounted || status === 'reconnecting') return null;

  const preload = { onPointerEnter: preloadWalletModals, onFocus: preloadWalletModals };
  if (!address) {
    return (
      <button type="button" className={className} onClick={() => open('connect')} {...preload}>
        Connect wallet
      </button>
    );
  }
  if (chainId !== chainConfig.chain.id) {
    return (
      <button
        type="button"
        className="btn-secondary"
        disabled={switching}
        onClick={() => switchChain({ chainId: chainConfig.chain.id })}
      >
        {switching ? 'Switching…' : `Wrong network: switch to ${chainConfig.chain.name}`}
      </button>
    );
  }
  if (signIn === 'loading') return null;
  if (signIn === 'unauthenticated') {
    return (
      <button type="button" className={className} onClick={() => open('connect')} {...preload}>
        Sign in
      </button>
    );
  }
  return (
    <button
      type="button"
      className="btn-secondary font-mono"
      onClick={() => open('account')}
      {...preload}
      aria-label={`Account ${formatAddress(address)}: copy address or disconnect`}
    >
      {formatAddress(address)}
    </button>
  );
}
