/**
 * Bundled into the page by the tests (esbuild → IIFE): an EIP-1193 wallet that signs with an
 * Anvil key, announced through EIP-6963 like a browser extension. Reads its settings from
 * `window.__E2E_WALLET__`, set by an earlier init script.
 */
import { foundry } from 'viem/chains';
import { createKeyProvider } from '../../lib/wallet/createKeyProvider';
import { announceProvider } from '../../lib/wallet/eip6963';
import { storedPermission } from '../../lib/wallet/sitePermission';

type WalletSettings = { privateKey: `0x${string}`; rpcUrl: string };

declare global {
  interface Window {
    __E2E_WALLET__?: WalletSettings;
    __e2eWallet?: {
      /** Declines the wallet request after `skip` more approvals (default: the very next one). */
      rejectNext: (skip?: number) => void;
      changeNetwork: (chainId: number) => void;
      requests: string[];
    };
  }
}

const settings = window.__E2E_WALLET__;
if (settings) {
  let rejectIn: number | null = null;
  const requests: string[] = [];
  const provider = createKeyProvider({
    privateKey: settings.privateKey,
    rpcUrl: settings.rpcUrl,
    chain: { ...foundry, rpcUrls: { default: { http: [settings.rpcUrl] } } },
    permission: storedPermission(window.localStorage, 'e2e-wallet.connected'),
    approve: (method) => {
      requests.push(method);
      if (rejectIn === null) return true;
      if (rejectIn > 0) {
        rejectIn -= 1;
        return true;
      }
      rejectIn = null;
      return false;
    },
  });
  window.__e2eWallet = {
    rejectNext: (skip = 0) => (rejectIn = skip),
    changeNetwork: (chainId) => provider.changeNetworkInWallet(chainId),
    requests,
  };

  announceProvider(
    window,
    {
      uuid: '6d3b4b36-9f43-4f7e-9a51-e2e0000e2e00',
      name: 'E2E Wallet',
      icon: `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#444"/></svg>')}`,
      rdns: 'dev.ownchart.e2e',
    },
    provider,
  );
}
