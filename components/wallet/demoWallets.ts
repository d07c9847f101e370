import type { ChainConfig } from '@/lib/chain/readChainConfig';
import { storedPermission } from '@/lib/wallet/sitePermission';
import { DEMO_ACCOUNTS, type DemoRole } from '@/lib/wallet/demoAccounts';
import { announceProvider, letterIcon } from '@/lib/wallet/eip6963';
import { lazyProvider } from '@/lib/wallet/lazyProvider';

const ROLE_COLOURS: Record<DemoRole, string> = {
  Patient: '#0f766e',
  Clinician: '#1d4ed8',
  Researcher: '#7c3aed',
  Caregiver: '#b45309',
  Responder: '#b91c1c',
  Deployer: '#475569',
};

/**
 * One in-page wallet per demo account ("Patient — Lucien Bosco"), each signing locally with that
 * account's Anvil key and announced like a browser wallet (EIP-6963). Local chain only. What signs
 * (viem's wallet client and secp256k1) is loaded when an account is first used, not with the page.
 */
export function announceDemoWallets(target: Window, config: ChainConfig): void {
  for (const account of DEMO_ACCOUNTS) {
    if (account.role === 'Deployer') continue;
    const id = `demo-${account.address.toLowerCase()}`;
    const permission = storedPermission(target.localStorage, `ownchart.${id}.connected`);
    const provider = lazyProvider(
      async () =>
        (await import('@/lib/wallet/createKeyProvider')).createKeyProvider({
          privateKey: account.privateKey,
          chain: config.chain,
          rpcUrl: config.rpcUrl,
          permission,
        }),
      permission.isGranted,
    );
    announceProvider(
      target,
      {
        uuid: `00000000-0000-4000-8000-${account.address.slice(-12).toLowerCase()}`,
        name: `${account.role} — ${account.name}`,
        icon: letterIcon(account.role[0]!, ROLE_COLOURS[account.role]),
        rdns: `dev.ownchart.demo.${account.address.toLowerCase()}`,
      },
      provider,
    );
  }
}
