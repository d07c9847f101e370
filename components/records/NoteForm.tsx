'use client';

import { useId, useState, type FormEvent } from 'react';
import type { Address } from 'viem';
import { useRecordWriter } from '@/components/hooks/useRecordWriter';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { CATEGORIES } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import { UserRejectedError, type OwnChartError } from '@/lib/errors/OwnChartError';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';
import { makeClinicalNote, MAX_NOTE_CHARACTERS } from '@/lib/fhir/clinicalNote';
import type { SealingKeys } from '@/lib/vault/sealingKeys';

const DOCUMENTS = CATEGORIES.find((c) => c.key === 'documents')!.bit;

type Status = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: OwnChartError };

/** Adds a free-text note (a FHIR DocumentReference) to the patient's records, under Documents. */
export function NoteForm({
  patient,
  author,
  sealingKeys,
}: {
  patient: Address;
  author: Address;
  sealingKeys: () => Promise<SealingKeys>;
}) {
  const write = useRecordWriter(patient);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus({ state: 'saving' });
    try {
      const note = makeClinicalNote({ title, text, author, chainId: chainConfig.chain.id });
      await write([{ resource: note, category: DOCUMENTS }], { sealingKeys: await sealingKeys() });
      setTitle('');
      setText('');
      setStatus({ state: 'saved' });
    } catch (error) {
      // The typed text stays in the form: nothing is lost on a failure.
      setStatus({ state: 'failed', error: toOwnChartError(error) });
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card space-y-3">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        Add a note
      </h2>
      <form onSubmit={submit} className="space-y-3">
        <Field label="Title (optional)">
          {(input) => (
            <input
              {...input}
              className="input w-full"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <Field label="Note">
          {(input) => (
            <textarea
              {...input}
              className="input min-h-32 w-full"
              value={text}
              maxLength={MAX_NOTE_CHARACTERS}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <p className="text-sm text-slate-700">
          Encrypted in this browser and filed under Documents. The chain records only that you added a record, never its
          text.
        </p>
        <button type="submit" className="btn-primary" disabled={status.state === 'saving'}>
          {status.state === 'saving' ? 'Saving…' : 'Save note'}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {status.state === 'saving' && <p>Encrypting and storing the note; confirm the transaction in your wallet.</p>}
        {status.state === 'saved' && <p>Note saved and recorded on the blockchain.</p>}
        {status.state === 'failed' && status.error instanceof UserRejectedError && <p>{status.error.shortMessage}</p>}
      </div>
      {status.state === 'failed' && !(status.error instanceof UserRejectedError) && (
        <ErrorAlert title="The note was not saved.">{status.error.shortMessage}</ErrorAlert>
      )}
    </section>
  );
}
