import { createConfig, createConnector, type CreateConnectorFn } from 'wagmi';
import { injected, walletConnect } from 'wagmi/connectors';
import { chainConfig } from '@/lib/chain/chainConfig';
import { chainTransport } from '@/lib/chain/chainTransport';
import { letterIcon } from '@/lib/wallet/eip6963';
import { announceDemoWallets } from './demoWallets';

const walletConnectProjectId = process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID;

/** `connector` with an icon: RainbowKit's picker lists only connectors that have one. */
const withIcon = (connector: CreateConnectorFn, icon: string): CreateConnectorFn =>
  createConnector((config) => ({ ...connector(config), icon }));

/**
 * Connectors beyond the wallets that announce themselves (EIP-6963), which wagmi discovers and
 * RainbowKit lists: a wallet that only sets `window.ethereum` (older extensions, some in-app
 * browsers) and, on real networks when configured, WalletConnect (it reaches its cloud relay).
 */
function connectors(): CreateConnectorFn[] {
  const list: CreateConnectorFn[] = [];
  if (typeof window !== 'undefined' && 'ethereum' in window && window.ethereum) {
    list.push(withIcon(injected(), letterIcon('B', '#475569')));
  }
  if (!chainConfig.isLocal && walletConnectProjectId) {
    list.push(
      withIcon(walletConnect({ projectId: walletConnectProjectId, showQrModal: true }), letterIcon('W', '#1d4ed8')),
    );
  }
  return list;
}

// The demo accounts are in-page wallets, announced before wagmi first asks (local chain only).
if (typeof window !== 'undefined' && chainConfig.isLocal) announceDemoWallets(window, chainConfig);

/**
 * A wagmi config: one chain, from configuration; SSR-safe. Nothing here imports RainbowKit: its
 * picker is loaded when someone first opens it (components/wallet/WalletUi.tsx).
 *
 * One per mounted provider tree, not one per page: the landing page and the app's pages each
 * mount their own, and wagmi adds the announced wallets to a config each time a provider mounts
 * over it (a second mount listed every wallet twice). The connection itself is kept in storage,
 * so a new config reconnects to it.
 */
export const createWagmiConfig = () =>
  createConfig({
    chains: [chainConfig.chain],
    connectors: connectors(),
    transports: { [chainConfig.chain.id]: chainTransport(chainConfig, { batch: true }) },
    multiInjectedProviderDiscovery: true,
    pollingInterval: chainConfig.isLocal ? 250 : 4_000,
    ssr: true,
  });
