'use client';

import { useId, useState, type FormEvent } from 'react';
import type { Address } from 'viem';
import { useAction } from '@/components/hooks/useAction';
import { useChainTime } from '@/components/hooks/useChainTime';
import { CategoryPicker } from '@/components/ui/CategoryPicker';
import { Field } from '@/components/ui/Field';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { grantAccess } from '@/lib/access/actions';
import { InvalidGrantInputError, parseGrantForm, type GrantFormValues } from '@/lib/access/parseGrantForm';
import { ALL_CATEGORIES_MASK } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import { formCheckTime } from '@/lib/chain/chainTime';

const EMPTY: GrantFormValues = { grantee: '', allRecords: false, categories: [], permission: 'read', expiresOn: '' };

/** Grant (or change) a clinician's access: address, scope, permission, optional expiry. */
export function GrantForm({ patient }: { patient: Address }) {
  const [values, setValues] = useState<GrantFormValues>(EMPTY);
  const [invalid, setInvalid] = useState<InvalidGrantInputError | null>(null);
  const tx = useAction();
  const chainTime = useChainTime();
  const ids = useId();

  function update(patch: Partial<GrantFormValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setInvalid(null);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    let args;
    try {
      args = parseGrantForm(values, patient, ALL_CATEGORIES_MASK, formCheckTime(chainTime.data));
    } catch (error) {
      if (error instanceof InvalidGrantInputError) return setInvalid(error);
      throw error;
    }
    if (await tx.send(grantAccess(chainConfig, args))) setValues(EMPTY);
  }

  const errorFor = (field: keyof GrantFormValues) => (invalid?.field === field ? invalid.shortMessage : null);

  return (
    <section aria-labelledby={`${ids}-heading`} className="card space-y-4">
      <h2 id={`${ids}-heading`} className="text-xl font-semibold">
        Grant access
      </h2>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field label="Clinician address" error={errorFor('grantee')}>
          {(input) => (
            <input
              {...input}
              className="input w-full font-mono"
              value={values.grantee}
              onChange={(e) => update({ grantee: e.target.value })}
              placeholder="0x…"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>

        <CategoryPicker
          legend="Records they may see"
          selected={values.categories}
          onChange={(categories) => update({ categories })}
          allRecords={{ checked: values.allRecords, onChange: (allRecords) => update({ allRecords }) }}
          error={errorFor('categories')}
        />

        <fieldset className="space-y-1">
          <legend className="font-medium">Permission</legend>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name={`${ids}-permission`}
              checked={values.permission === 'read'}
              onChange={() => update({ permission: 'read' })}
            />
            Read only
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name={`${ids}-permission`}
              checked={values.permission === 'readWrite'}
              onChange={() => update({ permission: 'readWrite' })}
            />
            Read and add records
          </label>
        </fieldset>

        <Field
          label="Expires on"
          hint="Optional. Access ends at the end of this day (UTC). Leave empty for no expiry."
          error={errorFor('expiresOn')}
        >
          {(input) => (
            <input
              {...input}
              type="date"
              className="input"
              value={values.expiresOn}
              onChange={(e) => update({ expiresOn: e.target.value })}
            />
          )}
        </Field>

        <button type="submit" className="btn-primary" disabled={tx.busy}>
          Grant access
        </button>
        <p className="text-sm text-slate-700">
          Granting to someone who already has access replaces their scope, permission and expiry.
        </p>
      </form>
      <TransactionStatus stage={tx.stage} />
    </section>
  );
}
