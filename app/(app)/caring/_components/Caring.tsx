'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import { AccessHistory } from '@/components/access/AccessHistory';
import { GrantForm } from '@/components/access/GrantForm';
import { GrantList } from '@/components/access/GrantList';
import { usePatientsCaredFor } from '@/components/hooks/useCaregivingQueries';
import { useReaderAccess } from '@/components/hooks/useReaderAccess';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { QuerySection } from '@/components/ui/QuerySection';
import { WalletGate } from '@/components/wallet/WalletGate';

function PatientsCaredFor({ caregiver }: { caregiver: Address }) {
  const patients = usePatientsCaredFor(caregiver);
  return (
    <section aria-labelledby="cared-heading" className="card space-y-3">
      <h2 id="cared-heading" className="text-xl font-semibold">
        People you care for
      </h2>
      <QuerySection
        query={patients}
        what="patients"
        loading="Loading…"
        isEmpty={(list) => list.length === 0}
        empty="Nobody has appointed you as their caregiver."
      >
        {(list) => (
          <ul className="space-y-2">
            {list.map(({ patient }) => (
              <li key={patient} className="flex flex-wrap items-center gap-3">
                <AccountName address={patient} />
                <Link href={`/caring/${patient}`} aria-label={`Act for ${patient}`}>
                  Act for them
                </Link>
              </li>
            ))}
          </ul>
        )}
      </QuerySection>
    </section>
  );
}

export function Caring() {
  return <WalletGate purpose="act for the people you care for">{(a) => <PatientsCaredFor caregiver={a} />}</WalletGate>;
}

function ActingFor({ patient, caregiver }: { patient: Address; caregiver: Address }) {
  const access = useReaderAccess(patient, caregiver);
  if (access.isPending) return <p role="status">Checking your appointment…</p>;
  if (access.isError) {
    return <QueryErrorBanner error={access.error} onRetry={() => access.refetch()} what="your appointment" />;
  }
  if (access.data.caregiverUntil === null) {
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
      <GrantForm patient={patient} />
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
