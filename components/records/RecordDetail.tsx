'use client';

import type { DocumentReference } from '@medplum/fhirtypes';
import { useEffect, useRef } from 'react';
import { CATEGORIES } from '@/lib/categories';
import { noteContent } from '@/lib/fhir/clinicalNote';
import { describeResource } from '@/lib/fhir/describeResource';
import { formatDateTime, formatFhirDate } from '@/lib/format/formatDate';
import type { OpenedRecord } from '@/lib/vault/openRecords';
import { AccountName } from '@/components/ui/AccountName';
import { NoteBody } from './NoteBody';

/** One record in full, in a modal dialog: readable fields first, the FHIR data on request. */
export function RecordDetail({ record, onClose }: { record: OpenedRecord & { problem: null }; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const { title, kind, date } = describeResource(record.resource);
  const note =
    record.resource.resourceType === 'DocumentReference' ? noteContent(record.resource as DocumentReference) : null;
  const category = CATEGORIES.find((c) => c.bit === record.category)?.label ?? `Category ${record.category}`;
  return (
    <dialog
      ref={dialog}
      aria-labelledby="record-detail-heading"
      onClose={onClose}
      className="m-auto w-full max-w-3xl rounded-lg p-6 backdrop:bg-slate-900/50"
    >
      <h2 id="record-detail-heading" className="text-xl font-semibold">
        {title}
      </h2>
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2">
        <dt className="font-medium">Kind</dt>
        <dd>{kind}</dd>
        <dt className="font-medium">Category</dt>
        <dd>{category}</dd>
        <dt className="font-medium">Date</dt>
        <dd>{formatFhirDate(date)}</dd>
        <dt className="font-medium">Added by</dt>
        <dd>
          <AccountName address={record.author} />
        </dd>
        <dt className="font-medium">Stored</dt>
        <dd>{formatDateTime(record.anchoredAt)}</dd>
        <dt className="font-medium">Integrity</dt>
        <dd>
          <span aria-hidden="true">✓ </span>Verified: its content (SHA-256{' '}
          <code className="break-all text-sm">{record.contentHash}</code>) is part of an import anchored on-chain
          (Merkle root <code className="break-all text-sm">{record.root}</code>).
        </dd>
      </dl>
      {note && (
        <section aria-label="Note text" className="mt-4 rounded-md bg-slate-50 p-3">
          <NoteBody note={note} label={title} />
        </section>
      )}
      <details className="mt-4">
        <summary className="cursor-pointer font-medium">Show the FHIR data</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-slate-100 p-3 text-sm">
          {JSON.stringify(record.resource, null, 2)}
        </pre>
      </details>
      <form method="dialog" className="mt-4">
        <button type="submit" className="btn-secondary">
          Close
        </button>
      </form>
    </dialog>
  );
}
