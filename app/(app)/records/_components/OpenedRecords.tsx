'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import type { Address } from 'viem';
import { usePatientSealingKeys } from '@/components/hooks/usePatientSealingKeys';
import { useVaultRecords } from '@/components/hooks/useVaultRecords';
import { ExportButton } from '@/components/records/ExportButton';
import { KeySharingStatus } from '@/components/records/KeySharingStatus';
import { NoteForm } from '@/components/records/NoteForm';
import { VerifiedChart } from '@/components/records/VerifiedChart';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { CATEGORIES } from '@/lib/categories';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { openedResources } from '@/lib/vault/openedResources';

const EVERY_CATEGORY = new Set(CATEGORIES.map((c) => c.key));

/** The patient's own chart once unlocked: loaded with the unlock (see PatientRecords). */
export function OpenedRecords({ patient, keys }: { patient: Address; keys: EncryptionKeyPair }) {
  const records = useVaultRecords(patient, patient, keys);
  const opened = records.data?.records;
  const resources = useMemo(() => openedResources(opened ?? []), [opened]);
  const sealingKeys = usePatientSealingKeys(patient, keys);
  const problems = records.data?.records.filter((r) => r.problem !== null).length ?? 0;

  return (
    <div className="space-y-6">
      <KeySharingStatus patient={patient} keys={keys} />
      <div className="flex flex-wrap gap-3">
        <Link href="/records/import" className="btn-primary no-underline">
          Import records
        </Link>
        <ExportButton resources={resources} />
      </div>
      {records.isPending && <p role="status">Decrypting your records…</p>}
      {records.isError && (
        <QueryErrorBanner error={records.error} onRetry={() => records.refetch()} what="your records" />
      )}
      {records.data && (
        <>
          {/* Back from an import the last count is out of date: say so rather than show it. */}
          {records.isRefetching ? (
            <p role="status">Updating your records with what was just added…</p>
          ) : (
            <p>
              {records.data.records.length.toLocaleString('en-US')} records, each checked against the record of its
              import on the blockchain and decrypted in this browser.
              {problems > 0 && ` ${problems} could not be opened; see All records.`}
            </p>
          )}
          <VerifiedChart records={records.data} readableCategories={EVERY_CATEGORY} />
        </>
      )}
      {/* Below the chart once it is there, so it does not jump down as the chart arrives. */}
      {!records.isPending && <NoteForm patient={patient} author={patient} sealingKeys={sealingKeys} />}
    </div>
  );
}
