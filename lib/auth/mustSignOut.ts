/**
 * Whether the storage server's session must end, given the account connected before this render,
 * the one connected now, and the account the session is for: when the wallet moved away from an
 * account (connecting after a page load is not moving away), or the session is another account's
 * than the one connected (the wallet switched while the page was closed, or in another tab).
 */
export function mustSignOut({
  before,
  now,
  session,
}: {
  before: string | undefined;
  now: string | undefined;
  session: string | null | undefined;
}): boolean {
  const switched = before !== undefined && before !== now;
  const foreign = now !== undefined && session != null && session.toLowerCase() !== now.toLowerCase();
  return switched || foreign;
}
