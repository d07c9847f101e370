'use client';

import { useId, type ReactNode } from 'react';

/** What a field's input needs to be labelled, described and marked invalid. */
export type FieldInputProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };

/**
 * One labelled form field: the label, an optional hint, the input, and its error, tied together
 * with `aria-describedby` so a screen reader reads the hint and the error with the input.
 */
export function Field({
  label,
  hint,
  error,
  className = 'space-y-1',
  children,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  className?: string;
  children: (input: FieldInputProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
