'use client';

import type { Address as AddressType } from 'viem';
import type { AccessEvent } from '@/lib/access/types';
import { describePermission } from '@/lib/access/permission';
import { describeScope } from '@/lib/categories';
import { describeWindowReason, type RevealedReasons } from '@/lib/emergency/describeWindowReason';
import { formatAddress } from '@/lib/format/formatAddress';
import { formatDateTime } from '@/lib/format/formatDate';
import { formatExpiry } from '@/lib/format/formatExpiry';
import { useAccount } from 'wagmi';
import { useEmergencyReasons } from '@/components/hooks/useEmergencyQueries';
import { useAccessHistory } from '@/components/hooks/useAccessQueries';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';

const KIND_LABEL: Record<AccessEvent['kind'], string> = {
  granted: 'Access granted',
  updated: 'Access changed',
  revoked: 'Access revoked',
  'emergency-opened': 'Emergency access opened',
  'emergency-ended': 'Emergency access ended',
  'emergency-policy': 'Emergency access settings changed',
  'caregiver-appointed': 'Caregiver appointed',
  'caregiver-removed': 'Caregiver removed',
};

function describe(event: AccessEvent, reasons: RevealedReasons): string {
  if (event.kind === 'revoked') {
    return event.declinedByGrantee ? 'They declined the access you gave them: it has ended.' : 'All access ended.';
  }
  if (event.kind === 'emergency-opened') {
    return `Break glass · reason: ${describeWindowReason(event.grantee, event.emergency?.reasonCommitment, reasons)} · ${describeScope(event.categories ?? 0)} · until ${formatExpiry(event.expiresAt ?? 0)} · institution ${formatAddress(event.emergency?.institution ?? '')}`;
  }
  if (event.kind === 'caregiver-appointed') {
    return `May see your records and grant or revoke access for you until ${formatExpiry(event.expiresAt ?? 0)}.`;
  }
  if (event.kind === 'caregiver-removed') return 'No longer acts for you.';
  if (event.kind === 'emergency-policy') {
    return event.categories
      ? `Responders may open ${describeScope(event.categories)} in an emergency. Any emergency access open before this ended.`
      : 'Emergency access turned off. Any emergency access open before this ended.';
  }
  if (event.kind === 'emergency-ended') {
    return event.emergency?.endedBy?.toLowerCase() === event.patient.toLowerCase()
      ? 'Ended by you.'
      : 'Ended by the responder.';
  }
  const expiry = event.expiresAt === null ? 'no expiry' : `until ${formatExpiry(event.expiresAt)}`;
  return `${describeScope(event.categories ?? 0)} · ${event.permission ? describePermission(event.permission) : ''} · ${expiry}`;
}

/** Every grant, change and revocation for this patient, newest first, from the chain's events. */
export function AccessHistory({ patient }: { patient: AddressType }) {
  const history = useAccessHistory(patient);
  const reasons = useEmergencyReasons(patient, useAccount().address);
  return (
    <section aria-labelledby="history-heading" className="card space-y-4">
      <h2 id="history-heading" className="text-xl font-semibold">
        Access history
      </h2>
      {history.isPending && <p role="status">Loading access history…</p>}
      {history.isError && (
        <QueryErrorBanner error={history.error} onRetry={() => history.refetch()} what="access history" />
      )}
      {history.data && history.data.length === 0 && <p>No access has been granted yet.</p>}
      {history.data && history.data.length > 0 && (
        <ol className="space-y-3">
          {history.data.map((event) => (
            <li key={`${event.transactionHash}-${event.logIndex}`} className="rounded-md border border-slate-200 p-3">
              <p className="font-medium">
                {event.kind.startsWith('emergency') && <span aria-hidden="true">⚠ </span>}
                {KIND_LABEL[event.kind]} <span className="font-normal">for</span>{' '}
                <AccountName address={event.grantee} />
              </p>
              <p>{describe(event, reasons)}</p>
              {event.byCaregiver && (
                <p>
                  Done by your caregiver <AccountName address={event.byCaregiver} />
                </p>
              )}
              <p className="text-sm text-slate-700">
                <time dateTime={new Date(event.timestamp * 1000).toISOString()}>{formatDateTime(event.timestamp)}</time>{' '}
                · Transaction <code title={event.transactionHash}>{formatAddress(event.transactionHash)}</code>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
