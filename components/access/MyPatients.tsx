'use client';

import Link from 'next/link';
import type { Address as AddressType } from 'viem';
import { usePatients } from '@/components/hooks/useAccessQueries';
import { useAction } from '@/components/hooks/useAction';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { TransactionButton } from '@/components/ui/TransactionButton';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { grantStatus } from '@/lib/access/grantStatus';
import { describePermission } from '@/lib/access/permission';
import { answerGrant } from '@/lib/access/actions';
import type { Grant } from '@/lib/access/types';
import { describeScope } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import { formatExpiry } from '@/lib/format/formatExpiry';

function GrantSummary({ grant }: { grant: Grant }) {
  return (
    <p>
      {describeScope(grant.categories)} · {describePermission(grant.permission)} ·{' '}
      {grant.expiresAt === null ? 'No expiry' : `Until ${formatExpiry(grant.expiresAt)}`}
    </p>
  );
}

/**
 * Anyone can grant access to anyone, so a grant nobody asked for must not slip a stranger into a
 * clinician's patient list: new grants wait here until the clinician accepts or declines them.
 */
function PatientRequests({ clinician, requests }: { clinician: AddressType; requests: Grant[] }) {
  const tx = useAction();
  return (
    <section aria-labelledby="patient-requests-heading" className="card space-y-4">
      <h2 id="patient-requests-heading" className="text-xl font-semibold">
        New patients sharing records with you
      </h2>
      <p>
        These accounts have given you access. Accept a patient you know to list them under My patients; decline one you
        do not, which ends the access on-chain.
      </p>
      <ul className="space-y-3">
        {requests.map((grant) => (
          <li key={grant.counterparty} className="space-y-2 rounded-md border border-slate-200 p-3">
            <p className="font-medium">
              Patient <AccountName address={grant.counterparty} />
            </p>
            <GrantSummary grant={grant} />
            <div className="flex flex-wrap gap-2">
              <TransactionButton
                tx={tx}
                className="btn-primary"
                aria-label={`Accept patient ${grant.counterparty}`}
                action={() => answerGrant(chainConfig, { patient: grant.counterparty, clinician, accept: true })}
              >
                Accept
              </TransactionButton>
              <TransactionButton
                tx={tx}
                className="btn-secondary"
                aria-label={`Decline patient ${grant.counterparty}`}
                action={() => answerGrant(chainConfig, { patient: grant.counterparty, clinician, accept: false })}
              >
                Decline
              </TransactionButton>
            </div>
          </li>
        ))}
      </ul>
      <TransactionStatus stage={tx.stage} />
    </section>
  );
}

/** "My patients": patients whose grant to this clinician is active now and was accepted. */
export function MyPatients({ clinician }: { clinician: AddressType }) {
  const patients = usePatients(clinician);
  const active = patients.data?.grants.filter((g) => grantStatus(g, patients.data.chainTime) === 'active') ?? [];
  const accepted = active.filter((g) => g.accepted);
  const requests = active.filter((g) => !g.accepted);
  return (
    <>
      {requests.length > 0 && <PatientRequests clinician={clinician} requests={requests} />}
      <section aria-labelledby="my-patients-heading" className="card space-y-4">
        <h2 id="my-patients-heading" className="text-xl font-semibold">
          My patients
        </h2>
        {patients.isPending && <p role="status">Loading your patients…</p>}
        {patients.isError && (
          <QueryErrorBanner error={patients.error} onRetry={() => patients.refetch()} what="your patients" />
        )}
        {patients.data && accepted.length === 0 && (
          <p>
            {requests.length > 0
              ? 'You have not accepted any patient yet.'
              : 'No patient has given you access right now.'}
          </p>
        )}
        {accepted.length > 0 && (
          <ul className="space-y-3">
            {accepted.map((grant) => (
              <li key={grant.counterparty} className="rounded-md border border-slate-200 p-3">
                <p className="font-medium">
                  Patient <AccountName address={grant.counterparty} />
                </p>
                <GrantSummary grant={grant} />
                <Link
                  href={`/patients/${grant.counterparty}`}
                  aria-label={`Open chart of patient ${grant.counterparty}`}
                >
                  Open chart
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
