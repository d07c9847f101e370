'use client';

import { useId, useState, type FormEvent } from 'react';
import { useAction } from '@/components/hooks/useAction';
import { useChainTime } from '@/components/hooks/useChainTime';
import { CategoryPicker } from '@/components/ui/CategoryPicker';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { chainConfig } from '@/lib/chain/chainConfig';
import { formCheckTime } from '@/lib/chain/chainTime';
import type { OwnChartError } from '@/lib/errors/OwnChartError';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';
import { InvalidStudyInputError, parseStudyForm, type StudyFormValues } from '@/lib/research/parseStudyForm';
import { publishStudy } from '@/lib/research/actions';
import type { TokenInfo } from '@/lib/research/readStudies';
import { putStudyDocument } from '@/lib/research/studyApi';

const EMPTY: StudyFormValues = {
  title: '',
  purpose: '',
  consent: '',
  eligibility: '',
  categories: [],
  reward: '',
  cap: '',
  endsOn: '',
};

type TextField = Exclude<keyof StudyFormValues, 'categories'>;

/** Publishing a study: its description and consent document off-chain, their hashes on-chain. */
export function PublishStudyForm({ token }: { token: TokenInfo }) {
  const [values, setValues] = useState(EMPTY);
  const [invalid, setInvalid] = useState<InvalidStudyInputError | null>(null);
  const [storeError, setStoreError] = useState<OwnChartError | null>(null);
  const tx = useAction();
  const chainTime = useChainTime();
  const id = useId();

  function update(patch: Partial<StudyFormValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setInvalid(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStoreError(null);
    let parsed;
    try {
      parsed = parseStudyForm(values, token.decimals, formCheckTime(chainTime.data));
    } catch (error) {
      if (error instanceof InvalidStudyInputError) return setInvalid(error);
      throw error;
    }
    let hashes;
    try {
      hashes = await Promise.all([putStudyDocument(parsed.description), putStudyDocument(parsed.consent)]);
    } catch (error) {
      return setStoreError(toOwnChartError(error));
    }
    const ok = await tx.send(publishStudy(chainConfig, { study: parsed, documents: hashes }));
    if (ok) setValues(EMPTY);
  }

  const error = (field: keyof StudyFormValues) => (invalid?.field === field ? invalid.shortMessage : null);
  const text = (
    field: TextField,
    label: string,
    options: { multiline?: boolean; hint?: string; type?: string } = {},
  ) => (
    <Field label={label} hint={options.hint} error={error(field)}>
      {(input) => {
        const common = {
          ...input,
          className: 'input w-full',
          value: values[field],
          onChange: (e: { target: { value: string } }) => update({ [field]: e.target.value }),
        };
        return options.multiline ? (
          <textarea {...common} rows={4} />
        ) : (
          <input {...common} type={options.type ?? 'text'} />
        );
      }}
    </Field>
  );

  return (
    <section aria-labelledby={`${id}-heading`} className="card space-y-4">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        Publish a study
      </h2>
      <form onSubmit={submit} className="space-y-4" noValidate>
        {text('title', 'Title')}
        {text('purpose', 'Purpose', { multiline: true })}
        {text('consent', 'Consent document', {
          multiline: true,
          hint: 'Patients read this before joining; its hash is recorded with their consent.',
        })}
        {text('eligibility', 'Who may join (optional)')}
        <CategoryPicker
          legend="Records asked for"
          selected={values.categories}
          onChange={(categories) => update({ categories })}
          error={error('categories')}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          {text('reward', `Reward per accepted contribution (${token.symbol})`, { type: 'text' })}
          {text('cap', 'Enrolment limit', { type: 'number' })}
          {text('endsOn', 'Last day to join', { type: 'date' })}
        </div>
        <button type="submit" className="btn-primary" disabled={tx.busy}>
          Publish study
        </button>
      </form>
      {storeError && (
        <ErrorAlert title="The study documents could not be stored.">{storeError.shortMessage}</ErrorAlert>
      )}
      <TransactionStatus stage={tx.stage} />
    </section>
  );
}
