import type { ReactNode } from 'react';

/** A failed step, said at once to screen readers: what did not happen, then why. */
export function ErrorAlert({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
      <p>
        <strong>{title} </strong>
        {children}
      </p>
    </div>
  );
}
