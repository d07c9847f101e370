import { createConfig, createConnector, http, type CreateConnectorFn } from 'wagmi';
import { walletConnect } from 'wagmi/connectors';
import { chainConfig } from '@/lib/chain/chainConfig';
import { letterIcon } from '@/lib/wallet/eip6963';
import { announceDemoWallets } from './demoWallets';

const walletConnectProjectId = process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID;

/**
 * Connectors beyond the browser's own wallets, which wagmi discovers (EIP-6963) and RainbowKit
 * lists as installed. WalletConnect reaches its cloud relay: only on real networks, and only when
 * configured; it carries an icon so the picker lists it beside them.
 */
function connectors(): CreateConnectorFn[] {
  if (chainConfig.isLocal || !walletConnectProjectId) return [];
  const base = walletConnect({ projectId: walletConnectProjectId, showQrModal: true });
  return [createConnector((config) => ({ ...base(config), icon: letterIcon('W', '#1d4ed8') }))];
}

// The demo accounts are in-page wallets, announced before wagmi first asks (local chain only).
if (typeof window !== 'undefined' && chainConfig.isLocal) announceDemoWallets(window, chainConfig);

/**
 * The app's wagmi config: one chain, from configuration; SSR-safe. Nothing here imports
 * RainbowKit: its picker is loaded when someone first opens it (components/wallet/WalletUi.tsx).
 */
export const wagmiConfig = createConfig({
  chains: [chainConfig.chain],
  connectors: connectors(),
  transports: { [chainConfig.chain.id]: http(chainConfig.rpcUrl, { batch: true }) },
  multiInjectedProviderDiscovery: true,
  pollingInterval: chainConfig.isLocal ? 250 : 4_000,
  ssr: true,
});
