import { formatAddress } from '@/lib/format/formatAddress';
import { CopyButton } from './CopyButton';

/** A shortened address with its full value on hover and a copy button. */
export function Address({ address }: { address: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <code title={address} className="font-mono">
        {formatAddress(address)}
      </code>
      <CopyButton value={address} label={`Copy address ${address}`} />
    </span>
  );
}
