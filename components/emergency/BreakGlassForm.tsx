'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import type { Address } from 'viem';
import { useAction } from '@/components/hooks/useAction';
import { Field } from '@/components/ui/Field';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { chainConfig } from '@/lib/chain/chainConfig';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';
import { breakGlass } from '@/lib/emergency/actions';
import {
  InvalidBreakGlassInputError,
  parseBreakGlassForm,
  type BreakGlassFormValues,
} from '@/lib/emergency/parseBreakGlassForm';
import { revealReason } from '@/lib/emergency/reasonApi';
import { commitReason, type ReasonReveal } from '@/lib/emergency/reasonCommitment';
import { EMERGENCY_REASONS } from '@/lib/emergency/reasons';

/** A responder opens a patient's emergency categories: address (from the card), reason, confirmation. */
export function BreakGlassForm({ responder }: { responder: Address }) {
  const tx = useAction();
  const [values, setValues] = useState<BreakGlassFormValues>({ patient: '', reason: '', confirmed: false });
  const [invalid, setInvalid] = useState<string | null>(null);
  const [opened, setOpened] = useState<Address | null>(null);
  // The reason goes on-chain only as a salted commitment; the code and salt go to the server
  // for the patient. Kept until sent, so a failed send can be tried again.
  const [unsent, setUnsent] = useState<ReasonReveal | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const id = useId();

  const update = (patch: Partial<BreakGlassFormValues>) => setValues((v) => ({ ...v, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    let parsed;
    try {
      parsed = parseBreakGlassForm(values);
    } catch (error) {
      if (error instanceof InvalidBreakGlassInputError) return setInvalid(error.shortMessage);
      throw error;
    }
    setInvalid(null);
    const { commitment, ...reveal } = commitReason({ patient: parsed.patient, responder, code: parsed.code });
    if (!(await tx.send(breakGlass(chainConfig, { patient: parsed.patient, commitment })))) return;
    setOpened(parsed.patient);
    await sendReason(reveal);
  }

  async function sendReason(pending: ReasonReveal) {
    setSendError(null);
    try {
      await revealReason(pending);
      setUnsent(null);
    } catch (error) {
      setUnsent(pending);
      setSendError(toOwnChartError(error).shortMessage);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card space-y-4">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        Break glass
      </h2>
      <p>
        Opens the categories this patient allows in an emergency, for the window they chose. It is recorded on-chain
        with your account and your institution; the reason is recorded for the patient alone (on-chain only as a sealed
        commitment). The patient is told, and every record you read is logged.
      </p>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <Field label="Patient address">
          {(input) => (
            <input
              {...input}
              className="input w-full font-mono"
              value={values.patient}
              placeholder="0x… from the patient’s emergency card"
              onChange={(e) => update({ patient: e.target.value })}
            />
          )}
        </Field>
        <Field label="Reason">
          {(input) => (
            <select
              {...input}
              className="input"
              value={values.reason}
              onChange={(e) => update({ reason: e.target.value })}
            >
              <option value="">Choose…</option>
              {EMERGENCY_REASONS.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={values.confirmed} onChange={(e) => update({ confirmed: e.target.checked })} />
          I confirm this is an emergency and I am treating this patient
        </label>
        {invalid && (
          <p role="alert" className="text-red-800">
            {invalid}
          </p>
        )}
        <button type="submit" className="btn-danger" disabled={tx.busy}>
          Break glass
        </button>
      </form>
      <TransactionStatus stage={tx.stage} />
      {unsent && (
        <div role="alert" className="space-y-2 text-red-800">
          <p>Emergency access is open, but the reason could not be recorded for the patient: {sendError}</p>
          <button type="button" className="btn-secondary" onClick={() => sendReason(unsent)}>
            Send the reason again
          </button>
        </div>
      )}
      {opened && (
        <p>
          <Link href={`/patients/${opened}`}>Open the emergency chart</Link>
        </p>
      )}
      <p className="sr-only">Responding as {responder}</p>
    </section>
  );
}
