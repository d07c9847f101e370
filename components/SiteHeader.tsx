'use client';

import { useAccount } from 'wagmi';
import { knownAccount } from '@/lib/wallet/knownAccount';
import { SiteHeaderFrame } from './SiteHeaderFrame';
import { WalletButton } from './wallet/WalletButton';

/** The site header for the connected account (or none), with the wallet button. */
export function SiteHeader() {
  const { address } = useAccount();
  return <SiteHeaderFrame address={address} demo={knownAccount(address)} wallet={<WalletButton />} />;
}
