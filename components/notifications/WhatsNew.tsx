'use client';

import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Address } from 'viem';
import { useAccessHistory, useGrantees } from '@/components/hooks/useAccessQueries';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { disclosuresQueryOptions } from '@/lib/audit/disclosureQueryOptions';
import { formatDateTime } from '@/lib/format/formatDate';
import { sinceOf, whatChanged, type LastSeen, type NoticeKind } from '@/lib/notifications/whatChanged';

const KIND_LABEL: Record<NoticeKind, string> = {
  read: 'Read',
  emergency: 'Emergency',
  caregiver: 'Caregiver',
  declined: 'Declined',
  ending: 'Ending soon',
};

const storageKey = (patient: Address) => `ownchart.lastSeen.${patient.toLowerCase()}`;

function readLastSeen(patient: Address): LastSeen | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(storageKey(patient)) ?? 'null') as LastSeen | null;
    return value && Number.isFinite(value.chainSeconds) && Number.isFinite(value.serverMs) ? value : null;
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
 * caregiver did, grants declined, and grants ending this week. A part that could not be read says
 * so; it never reads as "nothing new".
 */
export function WhatsNew({ patient }: { patient: Address }) {
  const history = useAccessHistory(patient);
  const grantees = useGrantees(patient);
  const disclosures = useQuery(disclosuresQueryOptions(patient));
  const [lastSeen, markSeen] = useLastSeen(patient);
  const failed = [history, grantees, disclosures].find((query) => query.isError);
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
    return <p role="status">Checking what changed since your last visit…</p>;
  }
  const chainNow = grantees.data.chainTime;
  const entries = disclosures.data.entries;
  const since = sinceOf(lastSeen, { chainSeconds: chainNow, serverMs: Date.now() });
  const notices = whatChanged({
    since,
    chainNow,
    history: history.data,
    grants: grantees.data.grants,
    disclosures: entries,
  });
  const seenNow = () =>
    markSeen({ chainSeconds: chainNow, serverMs: Math.max(Date.now(), ...entries.map((entry) => entry.at)) });
  return (
    <section aria-labelledby="whats-new-heading" className="card space-y-3">
      <h2 id="whats-new-heading" className="text-xl font-semibold">
        Since your last visit
      </h2>
      <p className="text-sm text-slate-700">
        {lastSeen ? `Last marked as seen ${formatDateTime(lastSeen.chainSeconds)}.` : 'The last seven days.'}
      </p>
      {notices.length === 0 ? (
        <p>Nothing new: nobody else read your records and no access changed.</p>
      ) : (
        <ul className="space-y-2">
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
      )}
      {notices.some((notice) => notice.kind !== 'ending') && (
        <button type="button" className="btn-secondary" onClick={seenNow}>
          Mark as seen
        </button>
      )}
    </section>
  );
}
