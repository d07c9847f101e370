'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback } from 'react';
import type { Address } from 'viem';
import { usePatients } from '@/components/hooks/useAccessQueries';
import { useVaultRecords } from '@/components/hooks/useVaultRecords';
import { ChartSummaryView } from '@/components/records/ChartSummaryView';
import { RecordGaps } from '@/components/records/RecordGaps';
import { NoteForm } from '@/components/records/NoteForm';
import { RecordBrowser } from '@/components/records/RecordBrowser';
import { useChartView } from '@/components/records/useChartView';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { useIsCaregiver } from '@/components/caregivers/useCaregiving';
import { emergencyKeys, useEmergencyWindow } from '@/components/emergency/useEmergency';
import { VaultGate } from '@/components/vault/VaultGate';
import { WalletGate } from '@/components/wallet/WalletGate';
import { grantStatus } from '@/lib/access/grantStatus';
import { describePermission } from '@/lib/access/permission';
import { accessKeys } from '@/lib/access/queryKeys';
import type { Grant } from '@/lib/access/types';
import { ALL_CATEGORIES_MASK, CATEGORIES, describeScope, maskToCategories } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { OwnChartError } from '@/lib/errors/OwnChartError';
import { formatDateTime } from '@/lib/format/formatDate';
import { formatExpiry } from '@/lib/format/formatExpiry';
import { incompleteCategories } from '@/lib/vault/incompleteCategories';
import { vaultKeys } from '@/lib/vault/queryKeys';
import { granteeSealingKeys } from '@/lib/vault/sealingKeys';

const DOCUMENTS = CATEGORIES.find((c) => c.key === 'documents')!;

/** What this reader may do now: a grant, an open break-glass window, or both. */
type ReaderAccess = { categories: number; permission: Grant['permission'] };

function Chart({
  patient,
  reader,
  grant,
  keys,
}: {
  patient: Address;
  reader: Address;
  grant: ReaderAccess;
  keys: EncryptionKeyPair;
}) {
  const records = useVaultRecords(patient, reader, keys);
  const { summary, authorOf } = useChartView(records.data?.records, patient);
  const readable = new Set(maskToCategories(grant.categories).map((c) => c.key));
  const canWriteNotes = grant.permission === 'readWrite' && readable.has(DOCUMENTS.key);
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
        <>
          <RecordGaps gaps={records.data.gaps} refused={records.data.refused} />
          <ChartSummaryView
            summary={summary}
            readableCategories={readable}
            incompleteCategories={incompleteCategories(records.data)}
            authorOf={authorOf}
          />
          <RecordBrowser records={records.data.records} />
        </>
      )}
      {canWriteNotes ? (
        <NoteForm patient={patient} author={reader} sealingKeys={sealingKeys} />
      ) : (
        <p className="text-slate-700">
          To add notes you need write access to {DOCUMENTS.label}; this grant is {describePermission(grant.permission)}{' '}
          for {describeScope(grant.categories)}.
        </p>
      )}
    </div>
  );
}

function ChartForReader({ patient, reader }: { patient: Address; reader: Address }) {
  const queryClient = useQueryClient();
  const patients = usePatients(reader);
  const emergency = useEmergencyWindow(patient, reader);
  const caregiving = useIsCaregiver(patient, reader);
  const grant = patients.data?.grants.find((g) => g.counterparty.toLowerCase() === patient.toLowerCase());
  const granted = Boolean(grant && patients.data && grantStatus(grant, patients.data.chainTime) === 'active');
  const emergencyOpen = emergency.data?.open === true;
  const caregiver = caregiving.data === true;
  const active = granted || emergencyOpen || caregiver;
  const access: ReaderAccess = {
    categories:
      (granted ? grant!.categories : 0) |
      (emergencyOpen ? emergency.data!.categories : 0) |
      (caregiver ? ALL_CATEGORIES_MASK : 0),
    permission: granted ? grant!.permission : 'read',
  };

  function reload() {
    void queryClient.invalidateQueries({ queryKey: accessKeys.patients(chainConfig.chain.id, reader) });
    void queryClient.invalidateQueries({ queryKey: emergencyKeys.window(patient, reader) });
    void queryClient.invalidateQueries({ queryKey: ['caregiving'] });
    void queryClient.invalidateQueries({ queryKey: vaultKeys.records(chainConfig.chain.id, patient, reader) });
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="patient-heading" className="card flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="patient-heading" className="text-xl font-semibold">
            <AccountName address={patient} />
          </h2>
          {grant && granted && (
            <p>
              Your access: {describeScope(grant.categories)} · {describePermission(grant.permission)} ·{' '}
              {grant.expiresAt === null ? 'No expiry' : `Until ${formatExpiry(grant.expiresAt)}`}
            </p>
          )}
          {caregiver && <p>You are this person’s caregiver: you see all their records.</p>}
          {emergencyOpen && (
            <p className="font-medium text-red-900">
              <span aria-hidden="true">⚠ </span>Emergency access: {describeScope(emergency.data!.categories)} until{' '}
              {formatDateTime(emergency.data!.expiresAt)}. Recorded on-chain; the patient is told.
            </p>
          )}
        </div>
        <button type="button" className="btn-secondary" onClick={reload}>
          Reload chart
        </button>
      </section>
      {patients.isPending && <p role="status">Checking your access…</p>}
      {patients.isError && (
        <QueryErrorBanner error={patients.error} onRetry={() => patients.refetch()} what="your access" />
      )}
      {patients.data && emergency.isFetched && caregiving.isFetched && !active && (
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
      {active && (
        <VaultGate account={reader} purpose="open this patient’s records">
          {(keys) => <Chart patient={patient} reader={reader} grant={access} keys={keys} />}
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
