import { bytesToHex, encodeAbiParameters, keccak256, type Hex } from 'viem';
import { EMERGENCY_REASONS } from './reasons';

export type ReasonReveal = { code: number; salt: Hex };

/** Whether `code` is one of the reason codes a responder may give. */
export function isReasonCode(code: unknown): code is number {
  return EMERGENCY_REASONS.some((r) => r.code === code);
}

/**
 * The salted commitment to a break-glass reason that goes on-chain: keccak256(abi.encode(uint8
 * code, bytes32 salt)). With four codes, an unsalted hash would give the reason away; the salt
 * is sent only to the OwnChart server, which shows the reason to the patient alone.
 */
export function reasonCommitment({ code, salt }: ReasonReveal): Hex {
  return keccak256(encodeAbiParameters([{ type: 'uint8' }, { type: 'bytes32' }], [code, salt]));
}

/** A fresh reveal for `code`, with a random salt from the platform's CSPRNG. */
export function commitReason(code: number): ReasonReveal & { commitment: Hex } {
  const salt = bytesToHex(crypto.getRandomValues(new Uint8Array(32)));
  return { code, salt, commitment: reasonCommitment({ code, salt }) };
}
