'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Address } from 'viem';
import type { LoggedDisclosure } from '@/lib/audit/disclosureChain';
import { AccountName } from '@/components/ui/AccountName';
import { downloadFile } from '@/components/ui/downloadFile';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { VaultGate } from '@/components/vault/VaultGate';
import { WalletGate } from '@/components/wallet/WalletGate';
import { anchorDisclosuresNow } from '@/lib/audit/disclosureApi';
import { describeReads, DISCLOSURE_BASIS } from '@/lib/audit/describeReads';
import { disclosuresQueryOptions } from '@/lib/audit/disclosureQueryOptions';
import { describeDisclosedCategories, disclosedCategories, DISCLOSURE_KINDS } from '@/lib/audit/describeDisclosure';
import { disclosuresToCsv } from '@/lib/audit/disclosuresToCsv';
import { summarizeDisclosures } from '@/lib/audit/summarizeDisclosures';
import { CATEGORIES } from '@/lib/categories';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';
import { formatDateTime } from '@/lib/format/formatDate';
import { accountLabel } from '@/lib/wallet/knownAccount';

/** Rows of the detailed log shown at a time: a busy chart has hundreds. */
const PAGE = 50;

/** One line per reader, before the detail. */
function ReadersInShort({ entries }: { entries: LoggedDisclosure[] }) {
  const id = useId();
  const readers = summarizeDisclosures(entries);
  return (
    <section aria-labelledby={`${id}-heading`} className="card space-y-3">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        Who read, in short
      </h2>
      {readers.length === 0 ? (
        <p>Nobody else has read your records.</p>
      ) : (
        <ul className="space-y-2">
          {readers.map((r) => (
            <li key={r.reader} className="rounded-md bg-slate-50 p-3">
              <AccountName address={r.reader} />
              <p>
                {describeReads(r)} · last on {formatDateTime(r.lastAt / 1000)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Disclosures({ patient }: { patient: Address }) {
  const queryClient = useQueryClient();
  const { queryKey } = disclosuresQueryOptions(patient);
  const report = useQuery(disclosuresQueryOptions(patient));
  const anchor = useMutation({
    mutationFn: anchorDisclosuresNow,
    onSuccess: () => queryClient.invalidateQueries({ queryKey }),
  });
  const [reader, setReader] = useState('');
  const [category, setCategory] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const id = useId();

  const entries = report.data?.entries ?? [];
  const readers = [...new Set(entries.map((e) => e.reader))];
  const shown = entries.filter(
    (e) => (!reader || e.reader === reader) && (!category || (disclosedCategories(e) & (1 << Number(category))) !== 0),
  );

  return (
    <>
      {report.data && <ReadersInShort entries={entries} />}
      <section aria-labelledby={`${id}-heading`} className="card space-y-4">
        <h2 id={`${id}-heading`} className="text-xl font-semibold">
          Disclosures
        </h2>
        <p>
          Every time someone other than you receives one of your records or keys, the storage server writes it here
          first: who, what, when, and on what basis. Each entry is chained to the one before it, and a fingerprint of
          the log is written to the blockchain as it grows (“sealed”), so no sealed entry can be changed or removed
          unnoticed.
        </p>
        {report.isPending && <p role="status">Loading…</p>}
        {report.isError && <QueryErrorBanner error={report.error} onRetry={() => report.refetch()} what="the log" />}
        {report.data && (
          <>
            <div className="flex flex-wrap items-end gap-4">
              {/* A long name must not widen the page on a phone: the list takes the width it is given. */}
              <div className="w-full min-w-0 sm:w-auto sm:max-w-md">
                <label htmlFor={`${id}-reader`} className="block font-medium">
                  Reader
                </label>
                <select
                  id={`${id}-reader`}
                  className="input w-full"
                  value={reader}
                  onChange={(e) => setReader(e.target.value)}
                >
                  <option value="">Everyone</option>
                  {readers.map((r) => (
                    <option key={r} value={r}>
                      {accountLabel(r)}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`${id}-category`} className="block font-medium">
                  Category
                </label>
                <select
                  id={`${id}-category`}
                  className="input"
                  value={category}
                  onChange={(e) => setCategory(e.target.value)}
                >
                  <option value="">All categories</option>
                  {CATEGORIES.map((c) => (
                    <option key={c.bit} value={c.bit}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className="btn-secondary"
                disabled={shown.length === 0}
                onClick={() => downloadFile('ownchart-disclosures.csv', disclosuresToCsv(shown), 'text/csv')}
              >
                Export as CSV
              </button>
            </div>
            <p role="status">
              {Math.min(limit, shown.length)} of {entries.length} disclosures shown. {report.data.anchoredCount} of{' '}
              {report.data.logCount} log entries (all patients) are sealed on the blockchain.{' '}
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="button"
                className="btn-secondary"
                disabled={anchor.isPending}
                onClick={() => anchor.mutate()}
              >
                Seal the log now
              </button>
              {anchor.isError && <span role="alert">{toOwnChartError(anchor.error).shortMessage}</span>}
            </div>
            {entries.length === 0 ? (
              <p>Nobody else has read your records.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="card-table w-full text-left">
                  <caption className="sr-only">Disclosures of your records, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Reader</th>
                      <th scope="col">What</th>
                      <th scope="col">Category</th>
                      <th scope="col">Basis</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.slice(0, limit).map((e) => (
                      <tr key={e.seq} className="border-t border-slate-200">
                        <td data-label="When" className="py-1 pr-3">
                          {formatDateTime(e.at / 1000)}
                        </td>
                        <td data-label="Reader" className="py-1 pr-3">
                          <AccountName address={e.reader} />
                        </td>
                        <td data-label="What" className="py-1 pr-3">
                          {DISCLOSURE_KINDS[e.kind]}
                        </td>
                        <td data-label="Category" className="py-1 pr-3">
                          {describeDisclosedCategories(e)}
                        </td>
                        <td data-label="Basis" className="py-1">
                          {DISCLOSURE_BASIS[e.basis]}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {shown.length > limit && (
                  <button type="button" className="btn-secondary mt-3" onClick={() => setLimit(limit + PAGE)}>
                    Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit} not shown
                  </button>
                )}
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}

export function WhoReadMyRecords() {
  return (
    <WalletGate purpose="see who read your records">
      {(address) => (
        <VaultGate account={address} purpose="see who read your records">
          {() => <Disclosures patient={address} />}
        </VaultGate>
      )}
    </WalletGate>
  );
}
