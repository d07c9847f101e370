import type { Address, Hex } from 'viem';
import { revealedReasonId } from './reasonCommitment';
import { describeReason } from './reasons';

/** What is known of the reasons revealed to this viewer. */
export type RevealedReasons =
  /** Codes by revealedReasonId(responder, commitment). */
  | { status: 'loaded'; byCommitment: ReadonlyMap<string, number> }
  | { status: 'pending' }
  | { status: 'failed' }
  /** Someone other than the patient (a caregiver) is looking: reasons are the patient's alone. */
  | { status: 'not-patient' };

/**
 * The reason for a break-glass window, in words. The chain holds only a salted commitment; the
 * responder reveals the reason to the server for the patient. Never a guess: a reason that could
 * not be read says so.
 */
export function describeWindowReason(
  responder: Address,
  commitment: Hex | null | undefined,
  reasons: RevealedReasons,
): string {
  if (reasons.status === 'not-patient') return 'shown to the patient only';
  if (reasons.status === 'pending') return 'loading…';
  if (reasons.status === 'failed') return 'could not be loaded; try again later';
  const code = commitment ? reasons.byCommitment.get(revealedReasonId(responder, commitment)) : undefined;
  // The responder's browser may have failed to send it (or closed first): say only what is known.
  return code === undefined ? 'not recorded with OwnChart' : describeReason(code);
}
