'use client';

import { useId } from 'react';
import { CATEGORIES, type CategoryKey } from '@/lib/categories';

/**
 * A fieldset of one checkbox per record category, optionally with "All records" (which covers
 * categories added later too, so it disables the single boxes rather than ticking them all).
 */
export function CategoryPicker({
  legend,
  selected,
  onChange,
  error,
  allRecords,
  className = 'space-y-2',
}: {
  legend: string;
  selected: readonly CategoryKey[];
  onChange: (selected: CategoryKey[]) => void;
  error?: string | null;
  allRecords?: { checked: boolean; onChange: (checked: boolean) => void };
  className?: string;
}) {
  const errorId = `${useId()}-error`;
  const all = allRecords?.checked === true;
  return (
    <fieldset className={className} aria-describedby={error ? errorId : undefined}>
      <legend className="font-medium">{legend}</legend>
      {allRecords && (
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={all} onChange={(e) => allRecords.onChange(e.target.checked)} />
          All records
        </label>
      )}
      <div className="grid grid-cols-1 gap-1 sm:grid-cols-3">
        {CATEGORIES.map((c) => (
          <label key={c.key} className="flex items-center gap-2">
            <input
              type="checkbox"
              disabled={all}
              checked={all || selected.includes(c.key)}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected, c.key] : selected.filter((key) => key !== c.key))
              }
            />
            {c.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
