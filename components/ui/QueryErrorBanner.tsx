import { RpcUnreachableError } from '@/lib/errors/OwnChartError';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';

/** A failed read: what went wrong in plain words, and a way to try again. */
export function QueryErrorBanner({ error, onRetry, what }: { error: unknown; onRetry: () => void; what: string }) {
  const wrapped = toOwnChartError(error);
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-950"
    >
      <p>
        <strong>Could not load {what}. </strong>
        {wrapped instanceof RpcUnreachableError
          ? wrapped.shortMessage
          : `${wrapped.shortMessage} ${wrapped.details ?? ''}`}
      </p>
      <button type="button" className="btn-secondary" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
