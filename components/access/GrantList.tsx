'use client';

import type { Address as AddressType } from 'viem';
import { grantStatus } from '@/lib/access/grantStatus';
import { describePermission } from '@/lib/access/permission';
import { revokeAccess } from '@/lib/access/actions';
import { describeScope } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import { formatDate } from '@/lib/format/formatDate';
import { formatExpiry } from '@/lib/format/formatExpiry';
import { useGrantees } from '@/components/hooks/useAccessQueries';
import { useAction } from '@/components/hooks/useAction';
import { AccountName } from '@/components/ui/AccountName';
import { QuerySection } from '@/components/ui/QuerySection';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { TransactionButton } from '@/components/ui/TransactionButton';
import { TransactionStatus } from '@/components/ui/TransactionStatus';

/** "Who can read my records": every grant of this patient, with a Revoke button per row. */
export function GrantList({ patient }: { patient: AddressType }) {
  const grantees = useGrantees(patient);
  const tx = useAction();

  return (
    <section aria-labelledby="who-can-read-heading" className="card space-y-4">
      <h2 id="who-can-read-heading" className="text-xl font-semibold">
        Who can read my records
      </h2>
      <QuerySection
        query={grantees}
        what="who can read your records"
        loading="Loading who can read your records…"
        isEmpty={(data) => data.grants.length === 0}
        empty="Nobody else can read your records. Use “Grant access” below to share them with a clinician."
      >
        {({ grants, chainTime }) => (
          <div className="overflow-x-auto">
            <table className="card-table w-full text-left">
              <caption className="sr-only">People who can read your records, with scope and expiry</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">
                    Who
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Records
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Permission
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Granted
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Expires
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    State
                  </th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {grants.map((grant) => (
                  <tr key={grant.counterparty} className="border-b border-slate-200 align-top">
                    <td data-label="Who" className="py-2 pr-4">
                      <AccountName address={grant.counterparty} />
                    </td>
                    <td data-label="Records" className="py-2 pr-4">
                      {describeScope(grant.categories)}
                    </td>
                    <td data-label="Permission" className="py-2 pr-4">
                      {describePermission(grant.permission)}
                    </td>
                    <td data-label="Granted" className="py-2 pr-4">
                      {formatDate(grant.grantedAt)}
                    </td>
                    <td data-label="Expires" className="py-2 pr-4">
                      {formatExpiry(grant.expiresAt)}
                    </td>
                    <td data-label="State" className="py-2 pr-4">
                      <StatusBadge status={grantStatus(grant, chainTime)} />
                    </td>
                    <td className="py-2">
                      <TransactionButton
                        tx={tx}
                        className="btn-danger"
                        aria-label={`Revoke ${grant.counterparty}`}
                        action={() => revokeAccess(chainConfig, { patient, grantee: grant.counterparty })}
                      >
                        Revoke
                      </TransactionButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QuerySection>
      <TransactionStatus stage={tx.stage} />
      <p className="text-sm text-slate-700">
        Revoking stops future reads at once. What someone has already read cannot be un-read; records you add afterwards
        are sealed with new keys they never had.
      </p>
    </section>
  );
}
