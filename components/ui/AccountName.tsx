import { Address } from '@/components/ui/Address';
import { knownAccount } from '@/lib/wallet/knownAccount';

/**
 * An account as people know it. On the local demo chain the demo
 * accounts' names are known to the app (never from the chain); elsewhere the address is the name.
 */
export function AccountName({ address }: { address: string }) {
  const demo = knownAccount(address);
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {demo && <span>{demo.name}</span>}
      <Address address={address} />
    </span>
  );
}
