'use client';

import { useId, useState, type FormEvent } from 'react';
import type { Address } from 'viem';
import { useAction } from '@/components/hooks/useAction';
import { useCaregivers } from '@/components/hooks/useCaregivingQueries';
import { useChainTime } from '@/components/hooks/useChainTime';
import { AccountName } from '@/components/ui/AccountName';
import { Field } from '@/components/ui/Field';
import { QuerySection } from '@/components/ui/QuerySection';
import { TransactionButton } from '@/components/ui/TransactionButton';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { appointCaregiver, removeCaregiver } from '@/lib/caregiving/actions';
import {
  InvalidCaregiverInputError,
  parseCaregiverForm,
  type CaregiverFormValues,
} from '@/lib/caregiving/parseCaregiverForm';
import { chainConfig } from '@/lib/chain/chainConfig';
import { formCheckTime } from '@/lib/chain/chainTime';
import { formatExpiry } from '@/lib/format/formatExpiry';

const EMPTY: CaregiverFormValues = { caregiver: '', until: '' };

/** Appointing and removing caregivers: someone who may see the records and manage access for the patient. */
export function CaregiverSection({ patient }: { patient: Address }) {
  const caregivers = useCaregivers(patient);
  const chainTime = useChainTime();
  const tx = useAction();
  const [values, setValues] = useState(EMPTY);
  const [invalid, setInvalid] = useState<string | null>(null);
  const id = useId();

  function update(patch: Partial<CaregiverFormValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setInvalid(null);
  }

  async function appoint(event: FormEvent) {
    event.preventDefault();
    let parsed;
    try {
      parsed = parseCaregiverForm(values, patient, formCheckTime(chainTime.data));
    } catch (error) {
      if (error instanceof InvalidCaregiverInputError) return setInvalid(error.shortMessage);
      throw error;
    }
    if (await tx.send(appointCaregiver(chainConfig, { patient, ...parsed }))) setValues(EMPTY);
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card space-y-4">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        Caregivers
      </h2>
      <p>
        A caregiver (for example a daughter managing a parent’s care) can see all your records and grant or revoke
        access for you until the date you choose. Everything they do is recorded as done by them. They cannot appoint
        other caregivers, and you can remove them at any time.
      </p>
      <QuerySection
        query={caregivers}
        what="your caregivers"
        loading="Loading your caregivers…"
        isEmpty={(list) => list.length === 0}
        empty="You have no caregiver."
      >
        {(list) => (
          <ul className="space-y-2">
            {list.map(({ caregiver, expiresAt }) => (
              <li key={caregiver} className="flex flex-wrap items-center gap-3">
                <AccountName address={caregiver} />
                <span>until {formatExpiry(expiresAt)}</span>
                <TransactionButton
                  tx={tx}
                  className="btn-danger"
                  aria-label={`Remove caregiver ${caregiver}`}
                  action={() => removeCaregiver(chainConfig, { patient, caregiver })}
                >
                  Remove
                </TransactionButton>
              </li>
            ))}
          </ul>
        )}
      </QuerySection>
      <form onSubmit={appoint} className="grid gap-3 sm:grid-cols-3" noValidate>
        <Field label="Caregiver address" className="sm:col-span-2">
          {(input) => (
            <input
              {...input}
              className="input w-full font-mono"
              value={values.caregiver}
              onChange={(e) => update({ caregiver: e.target.value })}
            />
          )}
        </Field>
        <Field label="Until">
          {(input) => (
            <input
              {...input}
              type="date"
              className="input w-full"
              value={values.until}
              onChange={(e) => update({ until: e.target.value })}
            />
          )}
        </Field>
        {invalid && (
          <p role="alert" className="text-red-800 sm:col-span-3">
            {invalid}
          </p>
        )}
        <div>
          <button type="submit" className="btn-primary" disabled={tx.busy}>
            Appoint caregiver
          </button>
        </div>
      </form>
      <TransactionStatus stage={tx.stage} />
    </section>
  );
}
