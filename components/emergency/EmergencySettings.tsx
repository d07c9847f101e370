'use client';

import { useEffect, useId, useState } from 'react';
import type { Address } from 'viem';
import { emergencyAccessAbi } from '@/contracts-abi';
import { useTransactor } from '@/components/hooks/useTransactor';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { CATEGORIES, categoriesToMask, describeScope, maskToCategories, type CategoryKey } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import {
  DEFAULT_EMERGENCY_CATEGORIES,
  DEFAULT_EMERGENCY_WINDOW_HOURS,
  EMERGENCY_WINDOW_CHOICES,
} from '@/lib/emergency/reasons';
import { emergencyKeys, useEmergencyPolicy } from './useEmergency';

/** Opting in to emergency access: which categories a responder may open, and for how long. */
export function EmergencySettings({ patient }: { patient: Address }) {
  const policy = useEmergencyPolicy(patient);
  const { stage, run, busy } = useTransactor();
  const [categories, setCategories] = useState<CategoryKey[]>([...DEFAULT_EMERGENCY_CATEGORIES]);
  const [hours, setHours] = useState<number>(DEFAULT_EMERGENCY_WINDOW_HOURS);
  const [invalid, setInvalid] = useState(false);
  const id = useId();
  const optedIn = (policy.data?.categories ?? 0) !== 0;

  useEffect(() => {
    if (policy.data && policy.data.categories !== 0) {
      setCategories(maskToCategories(policy.data.categories).map((c) => c.key));
      setHours(policy.data.window / 3600);
    }
  }, [policy.data]);

  const invalidates = [emergencyKeys.all];
  const address = chainConfig.emergencyAccess;
  if (!address) return <p>Emergency access is not available on this network.</p>;

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
      <fieldset aria-describedby={invalid ? `${id}-error` : undefined}>
        <legend className="font-medium">Categories an emergency responder may open</legend>
        <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3">
          {CATEGORIES.map((c) => (
            <label key={c.key} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={categories.includes(c.key)}
                onChange={(e) => {
                  setInvalid(false);
                  setCategories(e.target.checked ? [...categories, c.key] : categories.filter((k) => k !== c.key));
                }}
              />
              {c.label}
            </label>
          ))}
        </div>
        {invalid && (
          <p id={`${id}-error`} className="text-sm text-red-800">
            Choose at least one category.
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor={`${id}-window`} className="block font-medium">
          How long each emergency access lasts
        </label>
        <select id={`${id}-window`} className="input" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
          {EMERGENCY_WINDOW_CHOICES.map((h) => (
            <option key={h} value={h}>
              {h} hours
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className="btn-primary"
          disabled={busy}
          onClick={() => {
            const mask = categoriesToMask(categories);
            if (mask === 0) return setInvalid(true);
            void run({
              label: optedIn ? 'saving your emergency settings' : 'turning on emergency access',
              address,
              abi: emergencyAccessAbi,
              functionName: 'setPolicy',
              args: [mask, hours * 3600],
              invalidates,
            });
          }}
        >
          {optedIn ? 'Save emergency settings' : 'Turn on emergency access'}
        </button>
        {optedIn && (
          <button
            type="button"
            className="btn-danger"
            disabled={busy}
            onClick={() =>
              run({
                label: 'turning off emergency access',
                address,
                abi: emergencyAccessAbi,
                functionName: 'clearPolicy',
                args: [],
                invalidates,
              })
            }
          >
            Turn off emergency access
          </button>
        )}
      </div>
      <TransactionStatus stage={stage} />
    </section>
  );
}
