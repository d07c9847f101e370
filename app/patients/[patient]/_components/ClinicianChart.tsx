'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback } from 'react';
import type { Address } from 'viem';
import { useReaderAccess } from '@/components/hooks/useReaderAccess';
import { useVaultRecords } from '@/components/hooks/useVaultRecords';
import { NoteForm } from '@/components/records/NoteForm';
import { VerifiedChart } from '@/components/records/VerifiedChart';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { VaultGate } from '@/components/vault/VaultGate';
import { WalletGate } from '@/components/wallet/WalletGate';
import { describePermission } from '@/lib/access/permission';
import { readerAccessKeys } from '@/lib/auth/queryKeys';
import type { ReaderAccess } from '@/lib/auth/readerAccess';
import { CATEGORIES, describeScope, maskToCategories } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { OwnChartError } from '@/lib/errors/OwnChartError';
import { formatDateTime } from '@/lib/format/formatDate';
import { formatExpiry } from '@/lib/format/formatExpiry';
import { vaultKeys } from '@/lib/vault/queryKeys';
import { granteeSealingKeys } from '@/lib/vault/sealingKeys';

const DOCUMENTS = CATEGORIES.find((c) => c.key === 'documents')!;

function Chart({
  patient,
  reader,
  access,
  keys,
}: {
  patient: Address;
  reader: Address;
  access: ReaderAccess;
  keys: EncryptionKeyPair;
}) {
  const records = useVaultRecords(patient, reader, keys);
  const readable = new Set(maskToCategories(access.categories).map((c) => c.key));
  const canWriteNotes = readable.has(DOCUMENTS.key) && ((access.writeScope >>> DOCUMENTS.bit) & 1) === 1;
  const sealingKeys = useCallback(async () => {
    if (!records.data?.patientPublicKey) throw new OwnChartError('The chart is still loading; try again in a moment.');
    return granteeSealingKeys(records.data.envelopes, patient, records.data.patientPublicKey, keys);
  }, [records.data, patient, keys]);

  return (
    <div className="space-y-6">
      {records.isPending && <p role="status">Decrypting the records you were granted…</p>}
      {records.isError && (
        <QueryErrorBanner error={records.error} onRetry={() => records.refetch()} what="this chart" />
      )}
      {records.data && (
        <VerifiedChart records={records.data} patient={patient} readableCategories={readable} showIdentity />
      )}
      {canWriteNotes ? (
        <NoteForm patient={patient} author={reader} sealingKeys={sealingKeys} />
      ) : (
        <p className="text-slate-700">
          To add notes you need write access to {DOCUMENTS.label}; your access is{' '}
          {describePermission(access.grant?.permission ?? 'read')} for {describeScope(access.categories)}.
        </p>
      )}
    </div>
  );
}

function ChartForReader({ patient, reader }: { patient: Address; reader: Address }) {
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
          {(keys) => <Chart patient={patient} reader={reader} access={current} keys={keys} />}
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
