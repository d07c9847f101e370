import type { AccessEvent } from '../access/types';

/** How far back a patient's emergency notice looks. */
export const RECENT_WINDOW_DAYS = 30;

/** How long an ended window stays in the notice; after that it is a line in the history only. */
export const ENDED_NOTICE_HOURS = 24;

export type RecentWindow = {
  opened: AccessEvent;
  open: boolean;
  /** When it ended (ended, policy changed, or expired), in chain seconds; null while open. */
  closedAt: number | null;
};

const after = (a: AccessEvent, b: AccessEvent) =>
  a.blockNumber > b.blockNumber || (a.blockNumber === b.blockNumber && a.logIndex > b.logIndex);

/**
 * Break-glass windows of the last 30 days, newest first, and whether each is still open at chain
 * time `now`: not expired, not ended since (by the patient or the responder), and not closed by a
 * change of the patient's emergency policy since (which ends every window at once).
 */
export function recentWindows(history: readonly AccessEvent[], now: number): RecentWindow[] {
  const windows = history.filter(
    (e) => e.kind === 'emergency-opened' && e.timestamp > now - RECENT_WINDOW_DAYS * 86_400,
  );
  return windows.map((opened) => {
    const closing = history
      .filter(
        (e) =>
          after(e, opened) &&
          ((e.kind === 'emergency-ended' && e.grantee === opened.grantee) || e.kind === 'emergency-policy'),
      )
      .map((e) => e.timestamp);
    const expiresAt = opened.expiresAt ?? 0;
    // Ended early: when it was ended; otherwise when it expired.
    const closedAt = closing.length > 0 ? Math.min(...closing, expiresAt || Infinity) : expiresAt;
    return closing.length === 0 && expiresAt > now
      ? { opened, open: true, closedAt: null }
      : { opened, open: false, closedAt };
  });
}

/**
 * The windows a patient's notice shows: every open one, and one that ended within the last day
 * (so the patient sees it ended). One that ended days ago is a line in the access history, not a
 * banner on every page.
 */
export function noticeWindows(history: readonly AccessEvent[], now: number): RecentWindow[] {
  return recentWindows(history, now).filter(
    (w) => w.open || (w.closedAt !== null && w.closedAt > now - ENDED_NOTICE_HOURS * 3_600),
  );
}
