import { chainConfig } from '../chain/chainConfig';
import { formatAddress } from '../format/formatAddress';
import { DEMO_ACCOUNTS, type DemoAccount } from './demoAccounts';

/**
 * The account as the app knows it: on the local demo chain, the demo accounts' fictional names
 * (never from the chain); elsewhere no name is known and the address is the name.
 */
export function knownAccount(address: string | undefined): DemoAccount | undefined {
  if (!chainConfig.isLocal || !address) return undefined;
  return DEMO_ACCOUNTS.find((a) => a.address.toLowerCase() === address.toLowerCase());
}

/** An account in one short line of text, for where a component cannot go (an option, a file). */
export function accountLabel(address: string): string {
  const known = knownAccount(address);
  return known ? `${known.name} (${formatAddress(address)})` : formatAddress(address);
}
