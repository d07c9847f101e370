'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { useAccessHistory } from '@/components/hooks/useAccessQueries';
import { useAction } from '@/components/hooks/useAction';
import { useChainTime } from '@/components/hooks/useChainTime';
import { useEmergencyReasons } from '@/components/hooks/useEmergencyQueries';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { TransactionButton } from '@/components/ui/TransactionButton';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { describeScope } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import { endEmergencyAccess } from '@/lib/emergency/actions';
import { describeWindowReason } from '@/lib/emergency/describeWindowReason';
import { noticeWindows } from '@/lib/emergency/recentWindows';
import { formatDateTime } from '@/lib/format/formatDate';

/**
 * The prominent notice a patient sees after someone broke glass: who, which institution, why,
 * when, until when, and a button to end it at once while it is open.
 */
export function EmergencyNotice({ patient }: { patient: Address }) {
  const history = useAccessHistory(patient);
  const chainTime = useChainTime();
  const tx = useAction();
  const reasons = useEmergencyReasons(patient, useAccount().address);
  if (!chainConfig.emergencyAccess) return null;
  // An emergency window cannot be ruled out without the chain: say so rather than stay silent.
  if (history.isError || chainTime.isError) {
    return (
      <QueryErrorBanner
        error={history.error ?? chainTime.error}
        onRetry={() => Promise.all([history.refetch(), chainTime.refetch()])}
        what="whether anyone has opened emergency access to your records"
      />
    );
  }
  const now = chainTime.data;
  const windows = history.data && now !== undefined ? noticeWindows(history.data, now) : [];
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
              <TransactionButton
                tx={tx}
                className="btn-danger"
                action={() => endEmergencyAccess(chainConfig, { patient, responder: opened.grantee })}
              >
                End emergency access now
              </TransactionButton>
            )}
          </li>
        ))}
      </ul>
      <p>
        What was read during the window cannot be un-read; records you add afterwards use new keys. Once you end a
        responder’s access, they cannot open it again until you allow them (Emergency access, “Responders you stopped”).{' '}
        <Link href="/disclosures">See exactly what was read</Link>.
      </p>
      <TransactionStatus stage={tx.stage} />
    </section>
  );
}
