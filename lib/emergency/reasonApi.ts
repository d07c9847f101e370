import type { Address, Hex } from 'viem';
import { call, json } from '../api/serverRequest';
import { revealedReasonId, type ReasonReveal } from './reasonCommitment';

/** The responder tells the patient (through the server) the reason behind their commitment. */
export async function revealReason(reveal: ReasonReveal): Promise<void> {
  await call('/api/emergency/reasons', json({ patient: reveal.patient, code: reveal.code, salt: reveal.salt }));
}

/** The patient's revealed break-glass reasons, by responder and on-chain commitment (revealedReasonId). */
export async function fetchReasons(patient: Address): Promise<Map<string, number>> {
  const { reasons } = (await (await call(`/api/emergency/reasons?patient=${patient}`)).json()) as {
    reasons: { commitment: Hex; responder: Address; code: number }[];
  };
  return new Map(reasons.map((r) => [revealedReasonId(r.responder, r.commitment), r.code]));
}
