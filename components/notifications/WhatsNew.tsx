'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Address } from 'viem';
import { useAccessHistory, useGrantees } from '@/components/hooks/useAccessQueries';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { disclosuresQueryOptions } from '@/lib/audit/disclosureQueryOptions';
import { formatDateTime } from '@/lib/format/formatDate';
import { seenUpTo, sinceOf, whatChanged, type LastSeen, type NoticeKind } from '@/lib/notifications/whatChanged';

const KIND_LABEL: Record<NoticeKind, string> = {
  read: 'Read',
  emergency: 'Emergency',
  caregiver: 'Caregiver',
  declined: 'Declined',
  ended: 'Ended',
  ending: 'Ending soon',
};

const storageKey = (patient: Address) => `ownchart.lastSeen.${patient.toLowerCase()}`;

/** The stored mark, if it is one: two finite numbers (checked against the clocks once they are read). */
function readLastSeen(patient: Address): LastSeen | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(storageKey(patient)) ?? 'null') as Partial<LastSeen> | null;
    const valid =
      typeof value?.chainSeconds === 'number' &&
      Number.isFinite(value.chainSeconds) &&
      typeof value.serverMs === 'number' &&
      Number.isFinite(value.serverMs);
    return valid ? { chainSeconds: value.chainSeconds!, serverMs: value.serverMs! } : null;
  } catch {
    return null;
  }
}

/** When this browser last marked the patient's changes as seen; `undefined` until it has looked. */
function useLastSeen(patient: Address): [LastSeen | null | undefined, (seen: LastSeen) => void] {
  const [lastSeen, setLastSeen] = useState<LastSeen | null | undefined>(undefined);
  useEffect(() => setLastSeen(readLastSeen(patient)), [patient]);
  const markSeen = useCallback(
    (seen: LastSeen) => {
      window.localStorage.setItem(storageKey(patient), JSON.stringify(seen));
      setLastSeen(seen);
    },
    [patient],
  );
  return [lastSeen, markSeen];
}

/**
 * "Since your last visit": who read the patient's records, emergency access opened, what their
 * caregiver did, grants declined or ended, and grants ending this week. It is one line until opened
 * (a list that grew above the chart would push the page down as it loads). A part that could not
 * be read says so; it never reads as "nothing new".
 */
export function WhatsNew({ patient }: { patient: Address }) {
  const history = useAccessHistory(patient);
  const grantees = useGrantees(patient);
  const disclosures = useQuery(disclosuresQueryOptions(patient));
  const [lastSeen, markSeen] = useLastSeen(patient);
  const failed = [history, grantees, disclosures].find((query) => query.isError);
  const heading = (
    <h2 id="whats-new-heading" className="text-xl font-semibold">
      Since your last visit
    </h2>
  );
  if (failed) {
    return (
      <QueryErrorBanner
        error={failed.error}
        onRetry={() => Promise.all([history.refetch(), grantees.refetch(), disclosures.refetch()])}
        what="what changed since your last visit"
      />
    );
  }
  if (!history.data || !grantees.data || !disclosures.data || lastSeen === undefined) {
    return (
      <section aria-labelledby="whats-new-heading" className="card space-y-2">
        {heading}
        <p role="status">Checking what changed since your last visit…</p>
      </section>
    );
  }
  const chainNow = grantees.data.chainTime;
  const entries = disclosures.data.entries;
  const serverNow = disclosures.data.serverTime;
  // A mark ahead of either clock (another chain, a reset demo, a tampered store) would hide
  // everything: ignore it.
  const mark = lastSeen && lastSeen.chainSeconds <= chainNow && lastSeen.serverMs <= serverNow ? lastSeen : null;
  const since = sinceOf(mark, { chainSeconds: chainNow, serverMs: serverNow });
  const notices = whatChanged({
    since,
    chainNow,
    history: history.data,
    grants: grantees.data.grants,
    disclosures: entries,
  });
  const period = mark ? `since ${formatDateTime(since.chainSeconds)}` : 'in the last seven days';
  return (
    <section aria-labelledby="whats-new-heading" className="card space-y-2">
      {heading}
      {notices.length === 0 ? (
        <p>Nothing new to report {period}.</p>
      ) : (
        <details>
          <summary className="cursor-pointer font-medium">
            {notices.length === 1 ? '1 thing' : `${notices.length} things`} to know {period}: show
          </summary>
          <ul className="mt-2 space-y-2">
            {notices.map((notice, index) => (
              <li key={`${notice.kind}-${notice.at}-${index}`} className="rounded-md bg-slate-50 p-3">
                <p>
                  <span className="font-semibold">{KIND_LABEL[notice.kind]}: </span>
                  {notice.parts.map((part, i) =>
                    typeof part === 'string' ? part : <AccountName key={i} address={part.account} />,
                  )}
                </p>
                <p className="text-sm text-slate-700">{formatDateTime(notice.at)}</p>
              </li>
            ))}
          </ul>
          {notices.some((notice) => notice.kind !== 'ending') && (
            <button
              type="button"
              className="btn-secondary mt-2"
              onClick={() => markSeen(seenUpTo(since, { notices, disclosures: entries }))}
            >
              Mark as seen
            </button>
          )}
        </details>
      )}
    </section>
  );
}
