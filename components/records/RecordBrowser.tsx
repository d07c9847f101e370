'use client';

import { useState } from 'react';
import { CATEGORIES } from '@/lib/categories';
import { describeResource } from '@/lib/fhir/describeResource';
import { formatDateTime, formatFhirDate } from '@/lib/format/formatDate';
import { RECORD_PROBLEMS, type OpenedRecord } from '@/lib/vault/openRecords';
import { RecordDetail } from './RecordDetail';

type Readable = OpenedRecord & { problem: null };

function CategoryRecords({ records, onOpen }: { records: OpenedRecord[]; onOpen: (record: Readable) => void }) {
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

/** Every record, by category; a category's list is rendered only once opened. */
export function RecordBrowser({ records }: { records: OpenedRecord[] }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [detail, setDetail] = useState<Readable | null>(null);
  const groups = CATEGORIES.map((c) => ({ ...c, records: records.filter((r) => r.category === c.bit) })).filter(
    (g) => g.records.length > 0,
  );
  return (
    <section aria-labelledby="all-records-heading" className="card space-y-3">
      <h2 id="all-records-heading" className="text-xl font-semibold">
        All records
      </h2>
      {groups.length === 0 && <p>No records yet.</p>}
      {groups.map((group) => (
        <details
          key={group.key}
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
      ))}
      {detail && <RecordDetail record={detail} onClose={() => setDetail(null)} />}
    </section>
  );
}
