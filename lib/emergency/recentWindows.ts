import type { AccessEvent } from '../access/types';

/** How far back a patient's emergency notice looks. */
export const RECENT_WINDOW_DAYS = 30;

export type RecentWindow = { opened: AccessEvent; open: boolean };

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
    const closed = history.some(
      (e) =>
        after(e, opened) &&
        ((e.kind === 'emergency-ended' && e.grantee === opened.grantee) || e.kind === 'emergency-policy'),
    );
    return { opened, open: !closed && (opened.expiresAt ?? 0) > now };
  });
}
