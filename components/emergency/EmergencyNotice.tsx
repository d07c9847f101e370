'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import { emergencyAccessAbi } from '@/contracts-abi';
import { useAccessHistory, useGrantees } from '@/components/hooks/useAccessQueries';
import { useTransactor } from '@/components/hooks/useTransactor';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { accessKeys } from '@/lib/access/queryKeys';
import { describeScope } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import { describeWindowReason } from '@/lib/emergency/describeWindowReason';
import { recentWindows } from '@/lib/emergency/recentWindows';
import { formatDateTime } from '@/lib/format/formatDate';
import { useAccount } from 'wagmi';
import { emergencyKeys, useEmergencyReasons } from './useEmergency';

/**
 * The prominent notice a patient sees after someone broke glass: who, which institution, why,
 * when, until when, and a button to end it at once while it is open.
 */
export function EmergencyNotice({ patient }: { patient: Address }) {
  const history = useAccessHistory(patient);
  const grantees = useGrantees(patient);
  const { stage, run, busy } = useTransactor();
  const reasons = useEmergencyReasons(patient, useAccount().address);
  if (!chainConfig.emergencyAccess) return null;
  // An emergency window cannot be ruled out without the chain: say so rather than stay silent.
  if (history.isError || grantees.isError) {
    return (
      <QueryErrorBanner
        error={history.error ?? grantees.error}
        onRetry={() => Promise.all([history.refetch(), grantees.refetch()])}
        what="whether anyone has opened emergency access to your records"
      />
    );
  }
  const now = grantees.data?.chainTime;
  const windows = history.data && now !== undefined ? recentWindows(history.data, now) : [];
  if (windows.length === 0) return null;
  const active = windows.some((w) => w.open);
  return (
    <section
      aria-labelledby="emergency-notice-heading"
      role={active ? 'alert' : undefined}
      className={`card space-y-3 ${active ? 'border-red-500 bg-red-50' : 'border-amber-400 bg-amber-50'}`}
    >
      <h2 id="emergency-notice-heading" className="text-xl font-semibold">
        <span aria-hidden="true">⚠ </span>
        {active ? 'Emergency access to your records is open' : 'Emergency access to your records'}
      </h2>
      <ul className="space-y-3">
        {windows.map(({ opened, open }) => (
          <li key={`${opened.transactionHash}-${opened.logIndex}`} className="space-y-1">
            <p>
              <AccountName address={opened.grantee} /> opened your {describeScope(opened.categories ?? 0)} on{' '}
              {formatDateTime(opened.timestamp)}. Reason:{' '}
              {describeWindowReason(opened.grantee, opened.emergency?.reasonCommitment, reasons)}.{' '}
              {open ? `Open until ${formatDateTime(opened.expiresAt ?? 0)}.` : 'Now ended.'}
            </p>
            {open && (
              <button
                type="button"
                className="btn-danger"
                disabled={busy}
                onClick={() =>
                  run({
                    label: 'ending emergency access',
                    address: chainConfig.emergencyAccess!,
                    abi: emergencyAccessAbi,
                    functionName: 'endAccess',
                    args: [patient, opened.grantee],
                    invalidates: [accessKeys.history(chainConfig.chain.id, patient), emergencyKeys.all],
                    // Ending it stops this responder from opening it again until you allow them.
                  })
                }
              >
                End emergency access now
              </button>
            )}
          </li>
        ))}
      </ul>
      <p>
        What was read during the window cannot be un-read; records you add afterwards use new keys. Once you end a
        responder’s access, they cannot open it again until you allow them (Emergency access, “Responders you stopped”).{' '}
        <Link href="/disclosures">See exactly what was read</Link>.
      </p>
      <TransactionStatus stage={stage} />
    </section>
  );
}
