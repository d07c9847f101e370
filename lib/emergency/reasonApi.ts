import type { Address, Hex } from 'viem';
import { call, json } from '../api/serverRequest';
import type { ReasonReveal } from './reasonCommitment';

/** The responder tells the patient (through the server) the reason behind their commitment. */
export async function revealReason(patient: Address, reveal: ReasonReveal): Promise<void> {
  await call('/api/emergency/reasons', json({ patient, code: reveal.code, salt: reveal.salt }));
}

/** The patient's revealed break-glass reasons, by on-chain commitment. */
export async function fetchReasons(patient: Address): Promise<Map<Hex, number>> {
  const { reasons } = (await (await call(`/api/emergency/reasons?patient=${patient}`)).json()) as {
    reasons: { commitment: Hex; code: number }[];
  };
  return new Map(reasons.map((r) => [r.commitment, r.code]));
}
