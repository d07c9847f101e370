import { connectorsForWallets, type WalletList } from '@rainbow-me/rainbowkit';
import { injectedWallet, metaMaskWallet, rainbowWallet, walletConnectWallet } from '@rainbow-me/rainbowkit/wallets';
import { createConfig, http } from 'wagmi';
import { chainConfig } from '@/lib/chain/chainConfig';
import { demoWallets } from './demoWallets';

const walletConnectProjectId = process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID;

function walletList(): WalletList {
  // EIP-6963 wallets are discovered by wagmi and listed by RainbowKit on their own.
  const wallets: WalletList = [{ groupName: 'Browser', wallets: [injectedWallet] }];
  if (chainConfig.isLocal) wallets.push({ groupName: 'Demo accounts', wallets: demoWallets(chainConfig) });
  // WalletConnect reaches its cloud relay: only on real networks, and only when configured.
  if (!chainConfig.isLocal && walletConnectProjectId) {
    wallets.push({ groupName: 'More wallets', wallets: [metaMaskWallet, rainbowWallet, walletConnectWallet] });
  }
  return wallets;
}

/** The app's wagmi config: one chain, from configuration; SSR-safe. */
export const wagmiConfig = createConfig({
  chains: [chainConfig.chain],
  connectors: connectorsForWallets(walletList(), {
    appName: 'OwnChart',
    projectId: walletConnectProjectId ?? 'not-configured',
  }),
  transports: { [chainConfig.chain.id]: http(chainConfig.rpcUrl, { batch: true }) },
  multiInjectedProviderDiscovery: true,
  pollingInterval: chainConfig.isLocal ? 250 : 4_000,
  ssr: true,
});
