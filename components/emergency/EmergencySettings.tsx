'use client';

import { useEffect, useId, useState } from 'react';
import type { Address } from 'viem';
import { useAction } from '@/components/hooks/useAction';
import { useEmergencyPolicy } from '@/components/hooks/useEmergencyQueries';
import { CategoryPicker } from '@/components/ui/CategoryPicker';
import { Field } from '@/components/ui/Field';
import { TransactionButton } from '@/components/ui/TransactionButton';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { describeScope, maskToCategories, type CategoryKey } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import { clearEmergencyPolicy, setEmergencyPolicy } from '@/lib/emergency/actions';
import { InvalidEmergencyPolicyError, parseEmergencyPolicy } from '@/lib/emergency/parseEmergencyPolicy';
import {
  DEFAULT_EMERGENCY_CATEGORIES,
  DEFAULT_EMERGENCY_WINDOW_HOURS,
  EMERGENCY_WINDOW_CHOICES,
} from '@/lib/emergency/reasons';

/** Opting in to emergency access: which categories a responder may open, and for how long. */
export function EmergencySettings({ patient }: { patient: Address }) {
  const policy = useEmergencyPolicy(patient);
  const tx = useAction();
  const [categories, setCategories] = useState<CategoryKey[]>([...DEFAULT_EMERGENCY_CATEGORIES]);
  const [hours, setHours] = useState<number>(DEFAULT_EMERGENCY_WINDOW_HOURS);
  const [invalid, setInvalid] = useState<InvalidEmergencyPolicyError | null>(null);
  const id = useId();
  const optedIn = (policy.data?.categories ?? 0) !== 0;

  useEffect(() => {
    if (policy.data && policy.data.categories !== 0) {
      setCategories(maskToCategories(policy.data.categories).map((c) => c.key));
      setHours(policy.data.window / 3600);
    }
  }, [policy.data]);

  if (!chainConfig.emergencyAccess) return <p>Emergency access is not available on this network.</p>;

  return (
    <section aria-labelledby={`${id}-heading`} className="card space-y-4">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        Emergency access
      </h2>
      <p role="status">
        {policy.isPending
          ? 'Loading…'
          : optedIn
            ? `On: a registered emergency responder can open your ${describeScope(policy.data!.categories)} for ${policy.data!.window / 3600} hours, recorded on-chain, and you are told.`
            : 'Off: no one can open your records in an emergency. Break glass is refused.'}
      </p>
      <CategoryPicker
        legend="Categories an emergency responder may open"
        selected={categories}
        onChange={(selected) => {
          setInvalid(null);
          setCategories(selected);
        }}
        error={invalid?.field === 'categories' ? invalid.shortMessage : null}
      />
      <Field
        label="How long each emergency access lasts"
        error={invalid?.field === 'window' ? invalid.shortMessage : null}
      >
        {(input) => (
          <select
            {...input}
            className="input"
            value={hours}
            onChange={(e) => {
              setInvalid(null);
              setHours(Number(e.target.value));
            }}
          >
            {EMERGENCY_WINDOW_CHOICES.map((h) => (
              <option key={h} value={h}>
                {h} hours
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className="btn-primary"
          disabled={tx.busy}
          onClick={() => {
            let policy;
            try {
              policy = parseEmergencyPolicy(categories, hours);
            } catch (error) {
              if (error instanceof InvalidEmergencyPolicyError) return setInvalid(error);
              throw error;
            }
            void tx.send(setEmergencyPolicy(chainConfig, { patient, ...policy, optedIn }));
          }}
        >
          {optedIn ? 'Save emergency settings' : 'Turn on emergency access'}
        </button>
        {optedIn && (
          <TransactionButton
            tx={tx}
            className="btn-danger"
            action={() => clearEmergencyPolicy(chainConfig, { patient })}
          >
            Turn off emergency access
          </TransactionButton>
        )}
      </div>
      <TransactionStatus stage={tx.stage} />
    </section>
  );
}
