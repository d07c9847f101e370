'use client';

import type { Address } from 'viem';
import { useAction } from '@/components/hooks/useAction';
import { useBlockedResponders } from '@/components/hooks/useEmergencyQueries';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { TransactionButton } from '@/components/ui/TransactionButton';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { chainConfig } from '@/lib/chain/chainConfig';
import { allowResponder } from '@/lib/emergency/actions';

/**
 * Responders the patient stopped: once the patient ends a responder's emergency access, that
 * responder cannot open it again until allowed here, however long ago it was.
 */
export function BlockedResponders({ patient }: { patient: Address }) {
  const blocked = useBlockedResponders(patient);
  const tx = useAction();
  if (blocked.isError) {
    return (
      <QueryErrorBanner
        error={blocked.error}
        onRetry={() => blocked.refetch()}
        what="the responders you stopped from opening emergency access"
      />
    );
  }
  if (!blocked.data || blocked.data.length === 0) return null;
  return (
    <section aria-labelledby="blocked-responders-heading" className="card space-y-3">
      <h2 id="blocked-responders-heading" className="text-xl font-semibold">
        Responders you stopped
      </h2>
      <p>You ended their emergency access, so they cannot open it again until you allow them.</p>
      <ul className="space-y-2">
        {blocked.data.map((responder) => (
          <li key={responder} className="flex flex-wrap items-center gap-3">
            <AccountName address={responder} />
            <TransactionButton
              tx={tx}
              className="btn-secondary"
              aria-label={`Allow again ${responder}`}
              action={() => allowResponder(chainConfig, { patient, responder })}
            >
              Allow again
            </TransactionButton>
          </li>
        ))}
      </ul>
      <TransactionStatus stage={tx.stage} />
    </section>
  );
}
