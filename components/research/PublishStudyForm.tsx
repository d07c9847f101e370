'use client';

import { useId, useState, type FormEvent } from 'react';
import { researchStudiesAbi } from '@/contracts-abi';
import { useTransactor } from '@/components/hooks/useTransactor';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { CATEGORIES, type CategoryKey } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { OwnChartError } from '@/lib/errors/OwnChartError';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';
import { InvalidStudyInputError, parseStudyForm, type StudyFormValues } from '@/lib/research/parseStudyForm';
import { researchKeys } from '@/lib/research/queryKeys';
import { researchContracts, type TokenInfo } from '@/lib/research/readStudies';
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
export function PublishStudyForm({ token, chainTime }: { token: TokenInfo; chainTime: number }) {
  const [values, setValues] = useState(EMPTY);
  const [invalid, setInvalid] = useState<InvalidStudyInputError | null>(null);
  const [storeError, setStoreError] = useState<OwnChartError | null>(null);
  const { stage, run, busy } = useTransactor();
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
      parsed = parseStudyForm(values, token.decimals, chainTime || Math.floor(Date.now() / 1000));
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
    const ok = await run({
      label: `publishing “${parsed.description.title}”`,
      address: researchContracts(chainConfig).studies,
      abi: researchStudiesAbi,
      functionName: 'publish',
      args: [
        researchContracts(chainConfig).rewardToken,
        parsed.reward,
        parsed.cap,
        parsed.endsAt,
        parsed.categories,
        hashes[0],
        hashes[1],
      ],
      invalidates: [researchKeys.all(chainConfig.chain.id)],
    });
    if (ok) setValues(EMPTY);
  }

  const error = (field: keyof StudyFormValues) => (invalid?.field === field ? invalid.shortMessage : null);
  const text = (
    field: TextField,
    label: string,
    options: { multiline?: boolean; hint?: string; type?: string } = {},
  ) => {
    const inputId = `${id}-${field}`;
    const describedBy = [options.hint && `${inputId}-hint`, error(field) && `${inputId}-error`]
      .filter(Boolean)
      .join(' ');
    const common = {
      id: inputId,
      className: 'input w-full',
      value: values[field],
      'aria-invalid': error(field) ? true : undefined,
      'aria-describedby': describedBy || undefined,
      onChange: (e: { target: { value: string } }) => update({ [field]: e.target.value }),
    };
    return (
      <div className="space-y-1">
        <label htmlFor={inputId} className="block font-medium">
          {label}
        </label>
        {options.hint && (
          <p id={`${inputId}-hint`} className="text-sm text-slate-700">
            {options.hint}
          </p>
        )}
        {options.multiline ? <textarea {...common} rows={4} /> : <input {...common} type={options.type ?? 'text'} />}
        {error(field) && (
          <p id={`${inputId}-error`} className="text-sm text-red-800">
            {error(field)}
          </p>
        )}
      </div>
    );
  };

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
        <fieldset aria-describedby={error('categories') ? `${id}-categories-error` : undefined}>
          <legend className="font-medium">Records asked for</legend>
          <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3">
            {CATEGORIES.map((c) => (
              <label key={c.key} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={values.categories.includes(c.key)}
                  onChange={(e) =>
                    update({
                      categories: e.target.checked
                        ? [...values.categories, c.key]
                        : values.categories.filter((k: CategoryKey) => k !== c.key),
                    })
                  }
                />
                {c.label}
              </label>
            ))}
          </div>
          {error('categories') && (
            <p id={`${id}-categories-error`} className="text-sm text-red-800">
              {error('categories')}
            </p>
          )}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-3">
          {text('reward', `Reward per accepted contribution (${token.symbol})`, { type: 'text' })}
          {text('cap', 'Enrolment limit', { type: 'number' })}
          {text('endsOn', 'Last day to join', { type: 'date' })}
        </div>
        <button type="submit" className="btn-primary" disabled={busy}>
          Publish study
        </button>
      </form>
      {storeError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
          <strong>The study documents could not be stored. </strong>
          {storeError.shortMessage}
        </p>
      )}
      <TransactionStatus stage={stage} />
    </section>
  );
}
