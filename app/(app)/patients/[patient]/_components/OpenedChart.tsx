'use client';

import { useCallback } from 'react';
import type { Address } from 'viem';
import { useVaultRecords } from '@/components/hooks/useVaultRecords';
import { NoteForm } from '@/components/records/NoteForm';
import { VerifiedChart } from '@/components/records/VerifiedChart';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { describePermission } from '@/lib/access/permission';
import type { ReaderAccess } from '@/lib/auth/readerAccess';
import { CATEGORIES, describeScope, maskToCategories } from '@/lib/categories';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { OwnChartError } from '@/lib/errors/OwnChartError';
import { granteeSealingKeys } from '@/lib/vault/sealingKeys';

const DOCUMENTS = CATEGORIES.find((c) => c.key === 'documents')!;

/** A patient's chart as a reader opened it: loaded with the unlock (see ClinicianChart). */
export function OpenedChart({
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
      {records.data && <VerifiedChart records={records.data} readableCategories={readable} showIdentity />}
      {/* Below the chart once it is there, so it does not jump down as the chart arrives. */}
      {records.isPending ? null : canWriteNotes ? (
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
