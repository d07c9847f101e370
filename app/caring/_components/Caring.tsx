'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import { AccessHistory } from '@/components/access/AccessHistory';
import { GrantForm } from '@/components/access/GrantForm';
import { GrantList } from '@/components/access/GrantList';
import { useIsCaregiver, usePatientsCaredFor } from '@/components/caregivers/useCaregiving';
import { useGrantees } from '@/components/hooks/useAccessQueries';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { WalletGate } from '@/components/wallet/WalletGate';

function PatientsCaredFor({ caregiver }: { caregiver: Address }) {
  const patients = usePatientsCaredFor(caregiver);
  return (
    <section aria-labelledby="cared-heading" className="card space-y-3">
      <h2 id="cared-heading" className="text-xl font-semibold">
        People you care for
      </h2>
      {patients.isPending && <p role="status">Loading…</p>}
      {patients.isError && (
        <QueryErrorBanner error={patients.error} onRetry={() => patients.refetch()} what="patients" />
      )}
      {patients.data?.length === 0 && <p>Nobody has appointed you as their caregiver.</p>}
      <ul className="space-y-2">
        {patients.data?.map((patient) => (
          <li key={patient} className="flex flex-wrap items-center gap-3">
            <AccountName address={patient} />
            <Link href={`/caring/${patient}`} aria-label={`Act for ${patient}`}>
              Act for them
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Caring() {
  return <WalletGate purpose="act for the people you care for">{(a) => <PatientsCaredFor caregiver={a} />}</WalletGate>;
}

function ActingFor({ patient, caregiver }: { patient: Address; caregiver: Address }) {
  const appointed = useIsCaregiver(patient, caregiver);
  const grantees = useGrantees(patient);
  if (appointed.isPending) return <p role="status">Checking your appointment…</p>;
  if (!appointed.data) {
    return (
      <p className="card" role="status">
        You are not (or no longer) a caregiver of this person: they removed you, or your appointment ended.
      </p>
    );
  }
  return (
    <div className="space-y-6">
      <section aria-labelledby="acting-heading" className="card space-y-2 border-blue-800">
        <h2 id="acting-heading" className="text-xl font-semibold">
          Acting for <AccountName address={patient} />
        </h2>
        <p>
          What you grant or revoke here is done for them, recorded on-chain as done by you, and shown so in their
          history. <Link href={`/patients/${patient}`}>Open their records</Link>
        </p>
      </section>
      <GrantList patient={patient} />
      <GrantForm patient={patient} chainTime={grantees.data?.chainTime ?? 0} />
      <AccessHistory patient={patient} />
    </div>
  );
}

export function CaringFor({ patient }: { patient: Address }) {
  return (
    <WalletGate purpose="act for the people you care for">
      {(caregiver) => <ActingFor patient={patient} caregiver={caregiver} />}
    </WalletGate>
  );
}
