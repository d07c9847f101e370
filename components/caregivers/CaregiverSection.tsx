'use client';

import { useId, useState, type FormEvent } from 'react';
import { getAddress, isAddress, type Address } from 'viem';
import { accessRegistryAbi } from '@/contracts-abi';
import { useAccessHistory, useGrantees } from '@/components/hooks/useAccessQueries';
import { useTransactor } from '@/components/hooks/useTransactor';
import { AccountName } from '@/components/ui/AccountName';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { accessKeys } from '@/lib/access/queryKeys';
import type { AccessEvent } from '@/lib/access/types';
import { chainConfig } from '@/lib/chain/chainConfig';
import { endOfDayUtc } from '@/lib/format/formatDate';
import { formatExpiry } from '@/lib/format/formatExpiry';

/** Live caregivers from the history: last appointment per caregiver, not removed, not expired. */
export function liveCaregivers(history: readonly AccessEvent[], now: number) {
  const latest = new Map<string, AccessEvent>();
  for (const event of [...history].reverse()) {
    if (event.kind === 'caregiver-appointed' || event.kind === 'caregiver-removed') {
      latest.set(event.grantee.toLowerCase(), event);
    }
  }
  return [...latest.values()].filter((e) => e.kind === 'caregiver-appointed' && (e.expiresAt ?? 0) > now);
}

/** Appointing and removing caregivers: someone who may see the records and manage access for the patient. */
export function CaregiverSection({ patient }: { patient: Address }) {
  const history = useAccessHistory(patient);
  const grantees = useGrantees(patient);
  const { stage, run, busy } = useTransactor();
  const [caregiver, setCaregiver] = useState('');
  const [until, setUntil] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const id = useId();
  const chainId = chainConfig.chain.id;
  // Judged at chain time; without the chain's answer nothing is claimed, not even "none".
  const now = grantees.data?.chainTime;
  const caregivers = history.data && now !== undefined ? liveCaregivers(history.data, now) : null;
  const invalidates = [accessKeys.history(chainId, patient), accessKeys.grantees(chainId, patient)];

  async function appoint(event: FormEvent) {
    event.preventDefault();
    const address = caregiver.trim();
    if (!isAddress(address, { strict: false })) return setInvalid('Enter your caregiver’s address.');
    if (getAddress(address) === patient) return setInvalid('That is your own address.');
    let expiresAt: number;
    try {
      expiresAt = endOfDayUtc(until);
    } catch {
      return setInvalid('Choose until when they may act for you.');
    }
    if (now === undefined)
      return setInvalid('The chain cannot be read right now, so nothing can be appointed. Try again.');
    if (expiresAt <= now) return setInvalid('That date has passed. Choose a later one.');
    setInvalid(null);
    const ok = await run({
      label: `appointing ${address} as your caregiver`,
      address: chainConfig.accessRegistry,
      abi: accessRegistryAbi,
      functionName: 'appointCaregiver',
      args: [getAddress(address), expiresAt],
      invalidates,
    });
    if (ok) {
      setCaregiver('');
      setUntil('');
    }
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
      {(history.isError || grantees.isError) && (
        <QueryErrorBanner
          error={history.error ?? grantees.error}
          onRetry={() => Promise.all([history.refetch(), grantees.refetch()])}
          what="your caregivers"
        />
      )}
      {caregivers === null && !history.isError && !grantees.isError && <p role="status">Loading your caregivers…</p>}
      {caregivers?.length === 0 && <p>You have no caregiver.</p>}
      {caregivers && caregivers.length > 0 && (
        <ul className="space-y-2">
          {caregivers.map((c) => (
            <li key={c.grantee} className="flex flex-wrap items-center gap-3">
              <AccountName address={c.grantee} />
              <span>until {formatExpiry(c.expiresAt ?? 0)}</span>
              <button
                type="button"
                className="btn-danger"
                disabled={busy}
                aria-label={`Remove caregiver ${c.grantee}`}
                onClick={() =>
                  run({
                    label: `removing your caregiver ${c.grantee}`,
                    address: chainConfig.accessRegistry,
                    abi: accessRegistryAbi,
                    functionName: 'removeCaregiver',
                    args: [c.grantee],
                    invalidates,
                  })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={appoint} className="grid gap-3 sm:grid-cols-3" noValidate>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-address`} className="block font-medium">
            Caregiver address
          </label>
          <input
            id={`${id}-address`}
            className="input w-full font-mono"
            value={caregiver}
            onChange={(e) => setCaregiver(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-until`} className="block font-medium">
            Until
          </label>
          <input
            id={`${id}-until`}
            type="date"
            className="input w-full"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
          />
        </div>
        {invalid && (
          <p role="alert" className="text-red-800 sm:col-span-3">
            {invalid}
          </p>
        )}
        <div>
          <button type="submit" className="btn-primary" disabled={busy}>
            Appoint caregiver
          </button>
        </div>
      </form>
      <TransactionStatus stage={stage} />
    </section>
  );
}
