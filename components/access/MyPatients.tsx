'use client';

import type { Address as AddressType } from 'viem';
import { grantStatus } from '@/lib/access/grantStatus';
import { describePermission } from '@/lib/access/permission';
import { describeScope } from '@/lib/categories';
import { formatExpiry } from '@/lib/format/formatExpiry';
import { usePatients } from '@/components/hooks/useAccessQueries';
import Link from 'next/link';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';

/** "My patients": patients whose grant to this clinician is active now. */
export function MyPatients({ clinician }: { clinician: AddressType }) {
  const patients = usePatients(clinician);
  const active = patients.data?.grants.filter((g) => grantStatus(g, patients.data.chainTime) === 'active') ?? [];
  return (
    <section aria-labelledby="my-patients-heading" className="card space-y-4">
      <h2 id="my-patients-heading" className="text-xl font-semibold">
        My patients
      </h2>
      {patients.isPending && <p role="status">Loading your patients…</p>}
      {patients.isError && (
        <QueryErrorBanner error={patients.error} onRetry={() => patients.refetch()} what="your patients" />
      )}
      {patients.data && active.length === 0 && <p>No patient has given you access right now.</p>}
      {active.length > 0 && (
        <ul className="space-y-3">
          {active.map((grant) => (
            <li key={grant.counterparty} className="rounded-md border border-slate-200 p-3">
              <p className="font-medium">
                Patient <AccountName address={grant.counterparty} />
              </p>
              <p>
                {describeScope(grant.categories)} · {describePermission(grant.permission)} ·{' '}
                {grant.expiresAt === null ? 'No expiry' : `Until ${formatExpiry(grant.expiresAt)}`}
              </p>
              <Link href={`/patients/${grant.counterparty}`} aria-label={`Open chart of patient ${grant.counterparty}`}>
                Open chart
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
