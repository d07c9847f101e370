import type { Address, Hex } from 'viem';

/** A reason revealed by the responder who committed to it, kept for the patient. */
export type RevealedReason = { commitment: Hex; responder: Address; code: number };

/** Revealed break-glass reasons, per patient (lower-case address); lib/db/SqlEmergencyReasonStore.ts keeps them. */
export type EmergencyReasonStore = {
  add(patient: string, reasons: readonly RevealedReason[]): Promise<void>;
  list(patient: string): Promise<RevealedReason[]>;
};
