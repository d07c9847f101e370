'use client';

/** What stands in for an imported part until it is there, or says it could not be downloaded. */
export function ImportPending({ error, what }: { error: Error | null; what: string }) {
  if (error) {
    return <p role="alert">{what} could not be downloaded. Check your connection, then reload the page.</p>;
  }
  return <p role="status">Opening {what.toLowerCase()}…</p>;
}
