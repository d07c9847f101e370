'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { getAddress, isAddress, type Address } from 'viem';
import { emergencyAccessAbi } from '@/contracts-abi';
import { useTransactor } from '@/components/hooks/useTransactor';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { accessKeys } from '@/lib/access/queryKeys';
import { chainConfig } from '@/lib/chain/chainConfig';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';
import { revealReason } from '@/lib/emergency/reasonApi';
import { commitReason, type ReasonReveal } from '@/lib/emergency/reasonCommitment';
import { EMERGENCY_REASONS } from '@/lib/emergency/reasons';
import { emergencyKeys } from './useEmergency';

/** A responder opens a patient's emergency categories: address (from the card), reason, confirmation. */
export function BreakGlassForm({ responder }: { responder: Address }) {
  const { stage, run, busy } = useTransactor();
  const [patient, setPatient] = useState('');
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [opened, setOpened] = useState<Address | null>(null);
  // The reason goes on-chain only as a salted commitment; the code and salt go to the server
  // for the patient. Kept until sent, so a failed send can be tried again.
  const [unsent, setUnsent] = useState<ReasonReveal | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const address = patient.trim();
    if (!isAddress(address, { strict: false }))
      return setInvalid('Enter the patient’s address from their emergency card.');
    if (!reason) return setInvalid('Choose the reason for emergency access.');
    if (!confirmed) return setInvalid('Confirm that this is an emergency.');
    setInvalid(null);
    const target = getAddress(address);
    const { commitment, ...reveal } = commitReason({ patient: target, responder, code: Number(reason) });
    const ok = await run({
      label: `breaking glass for ${target}`,
      address: chainConfig.emergencyAccess!,
      abi: emergencyAccessAbi,
      functionName: 'breakGlass',
      args: [target, commitment],
      invalidates: [emergencyKeys.all, accessKeys.history(chainConfig.chain.id, target)],
    });
    if (!ok) return;
    setOpened(target);
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
        <div>
          <label htmlFor={`${id}-patient`} className="block font-medium">
            Patient address
          </label>
          <input
            id={`${id}-patient`}
            className="input w-full font-mono"
            value={patient}
            placeholder="0x… from the patient’s emergency card"
            onChange={(e) => setPatient(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-reason`} className="block font-medium">
            Reason
          </label>
          <select id={`${id}-reason`} className="input" value={reason} onChange={(e) => setReason(e.target.value)}>
            <option value="">Choose…</option>
            {EMERGENCY_REASONS.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />I confirm this
          is an emergency and I am treating this patient
        </label>
        {invalid && (
          <p role="alert" className="text-red-800">
            {invalid}
          </p>
        )}
        <button type="submit" className="btn-danger" disabled={busy}>
          Break glass
        </button>
      </form>
      <TransactionStatus stage={stage} />
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
