'use client';

import { useDeferredValue, useMemo, useState } from 'react';
import { CATEGORIES } from '@/lib/categories';
import { describeResource } from '@/lib/fhir/describeResource';
import { formatDateTime, formatFhirDate } from '@/lib/format/formatDate';
import {
  filterRecords,
  isFiltering,
  NO_FILTER,
  type FilteredRecords,
  type RecordFilter,
} from '@/lib/vault/filterRecords';
import { RECORD_PROBLEMS, type OpenedRecord } from '@/lib/vault/openRecords';
import { Field } from '@/components/ui/Field';
import { ShowAllButton, useShowAll } from '@/components/ui/ShowAll';
import { plural } from '@/lib/format/plural';
import { RecordDetail } from './RecordDetail';

/** Search results listed at first; the rest on request, so a broad search stays quick. */
const MATCHES_SHOWN = 100;

type Readable = OpenedRecord & { problem: null };

function CategoryRecords({
  records,
  onOpen,
}: {
  records: readonly OpenedRecord[];
  onOpen: (record: Readable) => void;
}) {
  return (
    <ul className="divide-y divide-slate-200">
      {records.map((record) => {
        if (record.problem !== null) {
          return (
            <li key={record.contentHash} className="py-2">
              <p className="font-medium">
                <span aria-hidden="true">⚠ </span>A record added {formatDateTime(record.anchoredAt)} cannot be shown
              </p>
              <p className="text-red-900">{RECORD_PROBLEMS[record.problem]}</p>
            </li>
          );
        }
        const { title, kind, date } = describeResource(record.resource);
        return (
          <li key={record.contentHash} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <span className="font-medium">{title}</span>{' '}
              <span className="text-slate-700">
                · {kind} · {formatFhirDate(date)}
              </span>
            </span>
            <button
              type="button"
              className="btn-secondary"
              aria-label={`View details of ${title}`}
              onClick={() => onOpen(record as Readable)}
            >
              View details
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function SearchForm({
  filter,
  onChange,
  categories,
}: {
  filter: RecordFilter;
  onChange: (filter: RecordFilter) => void;
  categories: { bit: number; label: string }[];
}) {
  return (
    <form
      role="search"
      aria-label="Search records"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={(event) => event.preventDefault()}
    >
      <Field label="Search" hint="Words in a record’s name, a note’s text, or a code">
        {(input) => (
          <input
            {...input}
            type="search"
            className="input w-full"
            value={filter.text}
            onChange={(event) => onChange({ ...filter, text: event.target.value })}
          />
        )}
      </Field>
      <Field label="Category">
        {(input) => (
          <select
            {...input}
            className="input w-full"
            value={filter.category ?? ''}
            onChange={(event) =>
              onChange({ ...filter, category: event.target.value === '' ? null : Number(event.target.value) })
            }
          >
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.bit} value={c.bit}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="From date">
        {(input) => (
          <input
            {...input}
            type="date"
            className="input w-full"
            value={filter.from}
            onChange={(event) => onChange({ ...filter, from: event.target.value })}
          />
        )}
      </Field>
      <Field label="To date">
        {(input) => (
          <input
            {...input}
            type="date"
            className="input w-full"
            value={filter.to}
            onChange={(event) => onChange({ ...filter, to: event.target.value })}
          />
        )}
      </Field>
    </form>
  );
}

/** "3 of 70 records match.", with the records a search could not look into. */
function matchCount({ matches, unsearchable }: FilteredRecords, total: number): string {
  const count = `${matches.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records match.`;
  if (unsearchable === 0) return count;
  return `${count} ${plural(unsearchable, 'record')} could not be opened, so could not be searched.`;
}

function SearchResults({
  found,
  filter,
  onOpen,
  onClear,
}: {
  found: FilteredRecords;
  filter: RecordFilter;
  onOpen: (record: Readable) => void;
  onClear: () => void;
}) {
  const list = useShowAll(found.matches, MATCHES_SHOWN);
  return (
    <div className="space-y-2">
      {(filter.from || filter.to) && <p className="text-sm text-slate-700">Records without a date are left out.</p>}
      <button type="button" className="btn-secondary" onClick={onClear}>
        Clear search
      </button>
      <CategoryRecords records={list.shown} onOpen={onOpen} />
      <ShowAllButton
        list={list}
        more={`Show all ${found.matches.length.toLocaleString('en-US')} matches`}
        fewer={`Show the newest ${MATCHES_SHOWN}`}
      />
    </div>
  );
}

/**
 * Every record, by category, with search by text, category and date. A category's list is
 * rendered only once opened; a search lists its matches newest first.
 */
export function RecordBrowser({ records }: { records: OpenedRecord[] }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [detail, setDetail] = useState<Readable | null>(null);
  const [filter, setFilter] = useState<RecordFilter>(NO_FILTER);
  // Typing stays responsive on a large chart: the results follow a moment behind the input.
  const deferredFilter = useDeferredValue(filter);
  const groups = CATEGORIES.map((c) => ({ ...c, records: records.filter((r) => r.category === c.bit) })).filter(
    (g) => g.records.length > 0,
  );
  const filtering = isFiltering(deferredFilter);
  const found = useMemo(
    () => (filtering ? filterRecords(records, deferredFilter) : null),
    [filtering, records, deferredFilter],
  );
  return (
    <section aria-labelledby="all-records-heading" className="card space-y-3">
      <h2 id="all-records-heading" className="text-xl font-semibold">
        All records
      </h2>
      {groups.length === 0 && <p>No records yet.</p>}
      {groups.length > 0 && <SearchForm filter={filter} onChange={setFilter} categories={groups} />}
      {/* Always in the page, so a screen reader hears each new count as the search changes. */}
      <p role="status">{found ? matchCount(found, records.length) : ''}</p>
      {found ? (
        <SearchResults found={found} filter={deferredFilter} onOpen={setDetail} onClear={() => setFilter(NO_FILTER)} />
      ) : (
        groups.map((group) => (
          <details
            key={group.key}
            open={open.has(group.bit)}
            onToggle={(event) => {
              const isOpen = event.currentTarget.open;
              setOpen((current) => {
                const next = new Set(current);
                if (isOpen) next.add(group.bit);
                else next.delete(group.bit);
                return next;
              });
            }}
          >
            <summary className="cursor-pointer py-1 font-medium">
              {group.label} ({group.records.length.toLocaleString('en-US')})
            </summary>
            {open.has(group.bit) && <CategoryRecords records={group.records} onOpen={setDetail} />}
          </details>
        ))
      )}
      {detail && <RecordDetail record={detail} onClose={() => setDetail(null)} />}
    </section>
  );
}
