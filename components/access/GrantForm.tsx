'use client';

import { useId, useState, type FormEvent } from 'react';
import type { Address } from 'viem';
import { accessRegistryAbi } from '@/contracts-abi';
import { InvalidGrantInputError, parseGrantForm, type GrantFormValues } from '@/lib/access/parseGrantForm';
import { accessKeys } from '@/lib/access/queryKeys';
import { ALL_CATEGORIES_MASK, CATEGORIES, type CategoryKey } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import { formatAddress } from '@/lib/format/formatAddress';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { useTransactor } from '@/components/hooks/useTransactor';

const EMPTY: GrantFormValues = { grantee: '', allRecords: false, categories: [], permission: 'read', expiresOn: '' };

/** Grant (or change) a clinician's access: address, scope, permission, optional expiry. */
export function GrantForm({ patient, chainTime }: { patient: Address; chainTime: number }) {
  const [values, setValues] = useState<GrantFormValues>(EMPTY);
  const [invalid, setInvalid] = useState<InvalidGrantInputError | null>(null);
  const { stage, run, busy } = useTransactor();
  const ids = useId();
  const chainId = chainConfig.chain.id;

  function update(patch: Partial<GrantFormValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setInvalid(null);
  }

  function toggleCategory(key: CategoryKey, checked: boolean) {
    update({ categories: checked ? [...values.categories, key] : values.categories.filter((k) => k !== key) });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    let args;
    try {
      args = parseGrantForm(values, patient, ALL_CATEGORIES_MASK, chainTime || Math.floor(Date.now() / 1000));
    } catch (error) {
      if (error instanceof InvalidGrantInputError) return setInvalid(error);
      throw error;
    }
    const ok = await run({
      label: `granting access to ${formatAddress(args[1])}`,
      address: chainConfig.accessRegistry,
      abi: accessRegistryAbi,
      functionName: 'grant',
      args,
      invalidates: [
        accessKeys.grantees(chainId, patient),
        accessKeys.history(chainId, patient),
        accessKeys.patients(chainId, args[1]),
      ],
    });
    if (ok) setValues(EMPTY);
  }

  const errorFor = (field: keyof GrantFormValues) => (invalid?.field === field ? invalid.shortMessage : null);
  const errorId = (field: string) => `${ids}-${field}-error`;

  return (
    <section aria-labelledby={`${ids}-heading`} className="card space-y-4">
      <h2 id={`${ids}-heading`} className="text-xl font-semibold">
        Grant access
      </h2>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div className="space-y-1">
          <label htmlFor={`${ids}-grantee`} className="block font-medium">
            Clinician address
          </label>
          <input
            id={`${ids}-grantee`}
            className="input w-full font-mono"
            value={values.grantee}
            onChange={(e) => update({ grantee: e.target.value })}
            placeholder="0x…"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(errorFor('grantee'))}
            aria-describedby={errorFor('grantee') ? errorId('grantee') : undefined}
          />
          {errorFor('grantee') && (
            <p id={errorId('grantee')} className="field-error">
              {errorFor('grantee')}
            </p>
          )}
        </div>

        <fieldset className="space-y-2" aria-describedby={errorFor('categories') ? errorId('categories') : undefined}>
          <legend className="font-medium">Records they may see</legend>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={values.allRecords}
              onChange={(e) => update({ allRecords: e.target.checked })}
            />
            All records
          </label>
          <div className="grid grid-cols-1 gap-1 sm:grid-cols-3">
            {CATEGORIES.map((c) => (
              <label key={c.key} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  disabled={values.allRecords}
                  checked={values.allRecords || values.categories.includes(c.key)}
                  onChange={(e) => toggleCategory(c.key, e.target.checked)}
                />
                {c.label}
              </label>
            ))}
          </div>
          {errorFor('categories') && (
            <p id={errorId('categories')} className="field-error">
              {errorFor('categories')}
            </p>
          )}
        </fieldset>

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

        <div className="space-y-1">
          <label htmlFor={`${ids}-expires`} className="block font-medium">
            Expires on
          </label>
          <p id={`${ids}-expires-hint`} className="text-sm text-slate-700">
            Optional. Access ends at the end of this day (UTC). Leave empty for no expiry.
          </p>
          <input
            id={`${ids}-expires`}
            type="date"
            className="input"
            value={values.expiresOn}
            onChange={(e) => update({ expiresOn: e.target.value })}
            aria-invalid={Boolean(errorFor('expiresOn'))}
            aria-describedby={`${ids}-expires-hint${errorFor('expiresOn') ? ` ${errorId('expiresOn')}` : ''}`}
          />
          {errorFor('expiresOn') && (
            <p id={errorId('expiresOn')} className="field-error">
              {errorFor('expiresOn')}
            </p>
          )}
        </div>

        <button type="submit" className="btn-primary" disabled={busy}>
          Grant access
        </button>
        <p className="text-sm text-slate-700">
          Granting to someone who already has access replaces their scope, permission and expiry.
        </p>
      </form>
      <TransactionStatus stage={stage} />
    </section>
  );
}
