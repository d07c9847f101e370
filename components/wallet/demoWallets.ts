import type { Wallet } from '@rainbow-me/rainbowkit';
import { createConnector } from 'wagmi';
import { injected } from 'wagmi/connectors';
import type { ChainConfig } from '@/lib/chain/readChainConfig';
import { createKeyProvider, storedPermission, type KeyProvider } from '@/lib/wallet/createKeyProvider';
import { DEMO_ACCOUNTS, type DemoRole } from '@/lib/wallet/demoAccounts';

const ROLE_COLOURS: Record<DemoRole, string> = {
  Patient: '#0f766e',
  Clinician: '#1d4ed8',
  Researcher: '#7c3aed',
  Caregiver: '#b45309',
  Responder: '#b91c1c',
  Deployer: '#475569',
};

function roleIcon(role: DemoRole): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28"><rect width="28" height="28" rx="6" fill="${ROLE_COLOURS[role]}"/><text x="14" y="19" font-family="sans-serif" font-size="14" font-weight="700" text-anchor="middle" fill="#fff">${role[0]}</text></svg>`;
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}

/**
 * One RainbowKit wallet per demo account ("Patient — Lucien Bosco"), each an injected connector
 * over a provider that signs locally with that account's Anvil key. Local chain only.
 */
export function demoWallets(config: ChainConfig): (() => Wallet)[] {
  return DEMO_ACCOUNTS.filter((a) => a.role !== 'Deployer').map((account) => () => {
    const id = `demo-${account.address.toLowerCase()}`;
    const name = `${account.role} — ${account.name}`;
    // One provider per wallet, made on first use in the browser (never during server render).
    let provider: KeyProvider | undefined;
    const getProvider = () =>
      (provider ??= createKeyProvider({
        privateKey: account.privateKey,
        chain: config.chain,
        rpcUrl: config.rpcUrl,
        permission: storedPermission(window.localStorage, `ownchart.${id}.connected`),
      }));
    return {
      id,
      name,
      iconUrl: roleIcon(account.role),
      iconBackground: '#ffffff',
      installed: true,
      createConnector: (walletDetails) =>
        createConnector((wagmiConfig) => ({
          ...injected({
            target: () => (typeof window === 'undefined' ? undefined : { id, name, provider: getProvider() as never }),
          })(wagmiConfig),
          ...walletDetails,
        })),
    };
  });
}
