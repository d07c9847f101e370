import type { TransactionStage } from '@/components/hooks/useAction';
import { UserRejectedError } from '@/lib/errors/OwnChartError';
import { formatAddress } from '@/lib/format/formatAddress';

/** The lifecycle of the last transaction, announced to screen readers as it changes. */
export function TransactionStatus({ stage }: { stage: TransactionStage }) {
  return (
    <div role="status" aria-live="polite" className="min-h-6 text-sm">
      {stage.status === 'signing' && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          <span aria-hidden="true">✍️ </span>Waiting for your signature: {stage.label}. Confirm in your wallet.
        </p>
      )}
      {stage.status === 'pending' && (
        <p className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sky-950">
          <span aria-hidden="true">⏳ </span>Transaction pending: {stage.label}. Transaction{' '}
          <code title={stage.hash}>{formatAddress(stage.hash)}</code>
        </p>
      )}
      {stage.status === 'confirmed' && (
        <p className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
          <span aria-hidden="true">✓ </span>Confirmed: {stage.label}. Transaction{' '}
          <code title={stage.hash}>{formatAddress(stage.hash)}</code>
        </p>
      )}
      {stage.status === 'failed' &&
        (stage.error instanceof UserRejectedError ? (
          <p className="rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-900">
            {stage.error.shortMessage}
          </p>
        ) : (
          <p className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
            <strong>Failed: </strong>
            {stage.error.shortMessage}
          </p>
        ))}
    </div>
  );
}
