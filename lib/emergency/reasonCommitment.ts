import { bytesToHex, encodeAbiParameters, keccak256, type Address, type Hex } from 'viem';
import { EMERGENCY_REASONS } from './reasons';

/** What a reason is committed to: whose window, whose reason, which code, and the salt. */
export type ReasonReveal = { patient: Address; responder: Address; code: number; salt: Hex };

/** Whether `code` is one of the reason codes a responder may give. */
export function isReasonCode(code: unknown): code is number {
  return EMERGENCY_REASONS.some((r) => r.code === code);
}

/**
 * The salted commitment to a break-glass reason that goes on-chain: keccak256(abi.encode(patient,
 * responder, uint8 code, bytes32 salt)). With four codes, an unsalted hash would give the reason
 * away; binding patient and responder means another responder cannot borrow a commitment (and
 * the reason revealed for it). The salt is sent only to the OwnChart server, which shows the
 * reason to the patient alone.
 */
export function reasonCommitment({ patient, responder, code, salt }: ReasonReveal): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: 'address' }, { type: 'address' }, { type: 'uint8' }, { type: 'bytes32' }],
      [patient, responder, code, salt],
    ),
  );
}

/** A fresh reveal of `code` for `responder`'s window on `patient`, salted from the CSPRNG. */
export function commitReason(reason: Omit<ReasonReveal, 'salt'>): ReasonReveal & { commitment: Hex } {
  const salt = bytesToHex(crypto.getRandomValues(new Uint8Array(32)));
  return { ...reason, salt, commitment: reasonCommitment({ ...reason, salt }) };
}

/** How revealed reasons are keyed: by responder and commitment together. */
export const revealedReasonId = (responder: Address, commitment: Hex) =>
  `${responder.toLowerCase()}/${commitment.toLowerCase()}`;
