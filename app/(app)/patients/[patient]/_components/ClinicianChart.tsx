'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import type { Address } from 'viem';
import { useImported } from '@/components/hooks/useImported';
import { ImportPending } from '@/components/ui/ImportPending';
import { useReaderAccess } from '@/components/hooks/useReaderAccess';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { VaultGate } from '@/components/vault/VaultGate';
import { WalletGate } from '@/components/wallet/WalletGate';
import { describePermission } from '@/lib/access/permission';
import { readerAccessKeys } from '@/lib/auth/queryKeys';
import { describeScope } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import { formatDateTime } from '@/lib/format/formatDate';
import { formatExpiry } from '@/lib/format/formatExpiry';
import { vaultKeys } from '@/lib/vault/queryKeys';

// The chart is needed only once unlocked: it is fetched while the reader unlocks, not with the page.
const loadOpenedChart = () => import('./OpenedChart');

function ChartForReader({ patient, reader }: { patient: Address; reader: Address }) {
  const opened = useImported(loadOpenedChart);
  const queryClient = useQueryClient();
  const access = useReaderAccess(patient, reader);
  // A failed re-read says so and shows nothing of the last answer: it may no longer be true.
  const current = access.isError ? undefined : access.data;
  const { grant, emergency, caregiverUntil } = current ?? {};
  const active = (current?.categories ?? 0) !== 0;

  function reload() {
    void queryClient.invalidateQueries({ queryKey: readerAccessKeys.of(chainConfig.chain.id, patient, reader) });
    void queryClient.invalidateQueries({ queryKey: vaultKeys.records(chainConfig.chain.id, patient, reader) });
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="patient-heading" className="card flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="patient-heading" className="text-xl font-semibold">
            <AccountName address={patient} />
          </h2>
          {grant && (
            <p>
              Your access: {describeScope(grant.categories)} · {describePermission(grant.permission)} ·{' '}
              {grant.expiresAt === null ? 'No expiry' : `Until ${formatExpiry(grant.expiresAt)}`}
            </p>
          )}
          {caregiverUntil != null && <p>You are this person’s caregiver: you see all their records.</p>}
          {emergency && (
            <p className="font-medium text-red-900">
              <span aria-hidden="true">⚠ </span>Emergency access: {describeScope(emergency.categories)} until{' '}
              {formatDateTime(emergency.expiresAt)}. Recorded on-chain; the patient is told.
            </p>
          )}
        </div>
        <button type="button" className="btn-secondary" onClick={reload}>
          Reload chart
        </button>
      </section>
      {access.isPending && <p role="status">Checking your access…</p>}
      {access.isError && <QueryErrorBanner error={access.error} onRetry={() => access.refetch()} what="your access" />}
      {current && !active && (
        <section aria-labelledby="ended-heading" className="card space-y-2 border-amber-400 bg-amber-50">
          <h2 id="ended-heading" className="text-xl font-semibold">
            No access to this chart
          </h2>
          <p>
            You have no active grant from this patient. If you had one, your access has ended: it was revoked or has
            expired, so their records and keys can no longer be fetched, and records they add from now on are sealed
            with keys you never had. <Link href="/patients">Back to my patients</Link>
          </p>
        </section>
      )}
      {current && active && (
        <VaultGate account={reader} purpose="open this patient’s records">
          {(keys) =>
            opened.module ? (
              <opened.module.OpenedChart patient={patient} reader={reader} access={current} keys={keys} />
            ) : (
              <ImportPending error={opened.error} what="The chart" />
            )
          }
        </VaultGate>
      )}
    </div>
  );
}

export function ClinicianChart({ patient }: { patient: Address }) {
  return (
    <WalletGate purpose="open this patient’s chart">
      {(reader) => <ChartForReader patient={patient} reader={reader} />}
    </WalletGate>
  );
}
