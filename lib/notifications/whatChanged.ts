import type { Address } from 'viem';
import type { AccessEvent, Grant } from '../access/types';
import type { LoggedDisclosure } from '../audit/disclosureChain';
import { describeReads } from '../audit/describeReads';
import { summarizeDisclosures } from '../audit/summarizeDisclosures';
import { describeScope } from '../categories';
import { formatDate } from '../format/formatDate';

/** How far ahead "ending soon" looks. */
export const ENDING_SOON_DAYS = 7;
/** What "since your last visit" covers when this browser has never seen the account. */
export const FIRST_VISIT_DAYS = 7;

/** When the patient last marked what changed as seen: chain time for chain events, server time for reads. */
export type LastSeen = { chainSeconds: number; serverMs: number };

export type NoticeKind = 'read' | 'emergency' | 'caregiver' | 'declined' | 'ended' | 'ending';

/** A piece of a notice's sentence: words, or an account (shown by name where the app knows it). */
export type NoticePart = string | { account: Address };

/** One thing that changed, as a sentence that starts with who did it, and when (seconds). */
export type Notice = { kind: NoticeKind; parts: NoticePart[]; at: number };

/** The cut-offs for a patient whose last visit is `lastSeen`, or who has none in this browser. */
export function sinceOf(lastSeen: LastSeen | null, now: { chainSeconds: number; serverMs: number }): LastSeen {
  return (
    lastSeen ?? {
      chainSeconds: now.chainSeconds - FIRST_VISIT_DAYS * 86_400,
      serverMs: now.serverMs - FIRST_VISIT_DAYS * 86_400_000,
    }
  );
}

/**
 * What a patient should hear about since they last looked: who read their records (and on what
 * basis), emergency access opened, what their caregiver did for them, grants a clinician declined,
 * grants that ended; and, whatever the date of the last visit, grants that end within a week.
 * Newest first; times in seconds.
 */
export function whatChanged({
  since,
  chainNow,
  history,
  grants,
  disclosures,
}: {
  since: LastSeen;
  chainNow: number;
  history: readonly AccessEvent[];
  grants: readonly Grant[];
  disclosures: readonly LoggedDisclosure[];
}): Notice[] {
  const notices: Notice[] = [];
  const newReads = disclosures.filter((d) => d.at > since.serverMs);
  for (const reader of summarizeDisclosures(newReads)) {
    notices.push({
      kind: 'read',
      parts: [{ account: reader.reader }, ` read ${describeReads(reader)}`],
      at: Math.floor(reader.lastAt / 1000),
    });
  }
  for (const event of history) {
    if (event.timestamp <= since.chainSeconds) continue;
    const scope = describeScope(event.categories ?? 0);
    if (event.kind === 'emergency-opened') {
      notices.push({
        kind: 'emergency',
        parts: [{ account: event.grantee }, ` opened emergency access to ${scope}`],
        at: event.timestamp,
      });
    } else if (
      event.byCaregiver &&
      (event.kind === 'granted' || event.kind === 'updated' || event.kind === 'revoked')
    ) {
      const did = event.kind === 'revoked' ? ' ended the access of ' : ' gave access to ';
      notices.push({
        kind: 'caregiver',
        parts: ['Your caregiver ', { account: event.byCaregiver }, did, { account: event.grantee }, `: ${scope}`],
        at: event.timestamp,
      });
    } else if (event.declinedByGrantee) {
      notices.push({
        kind: 'declined',
        parts: [{ account: event.grantee }, ` declined your grant of ${scope}`],
        at: event.timestamp,
      });
    }
  }
  for (const grant of grants) {
    if (grant.expiresAt === null) continue;
    if (grant.expiresAt <= chainNow) {
      if (grant.expiresAt > since.chainSeconds) {
        notices.push({
          kind: 'ended',
          parts: [
            { account: grant.counterparty },
            ` can no longer read ${describeScope(grant.categories)}: your grant ended`,
          ],
          at: grant.expiresAt,
        });
      }
      continue;
    }
    if (grant.expiresAt > chainNow + ENDING_SOON_DAYS * 86_400) continue;
    notices.push({
      kind: 'ending',
      parts: [
        { account: grant.counterparty },
        ` can read ${describeScope(grant.categories)} until ${formatDate(grant.expiresAt)}, when your grant ends`,
      ],
      at: grant.expiresAt,
    });
  }
  return notices.sort((a, b) => b.at - a.at);
}

/**
 * What "Mark as seen" records: the newest thing shown, on each clock — never the browser's own
 * clock, which may run ahead of the server's and hide a read that was never shown.
 */
export function seenUpTo(
  since: LastSeen,
  shown: { notices: readonly Notice[]; disclosures: readonly LoggedDisclosure[] },
): LastSeen {
  const chainTimes = shown.notices.filter((n) => n.kind !== 'read' && n.kind !== 'ending').map((n) => n.at);
  return {
    chainSeconds: Math.max(since.chainSeconds, ...chainTimes),
    serverMs: Math.max(since.serverMs, ...shown.disclosures.map((d) => d.at)),
  };
}
