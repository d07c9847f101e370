import path from 'node:path';
import type { Address, Hex } from 'viem';
import { revealedReasonId } from '../emergency/reasonCommitment';
import { FsAppendStore } from './FsAppendStore';

/** A reason revealed by the responder who committed to it, kept for the patient. */
export type RevealedReason = { commitment: Hex; responder: Address; code: number };

/** Revealed break-glass reasons, per patient (lower-case address). */
export type EmergencyReasonStore = {
  add(patient: string, reasons: readonly RevealedReason[]): Promise<void>;
  list(patient: string): Promise<RevealedReason[]>;
};

/** The embedded default: `<data dir>/emergency-reasons`, one append-only file per patient. */
export function fsEmergencyReasonStore(dataDir: string): EmergencyReasonStore {
  return new FsAppendStore<RevealedReason>(path.join(dataDir, 'emergency-reasons'), (r) =>
    revealedReasonId(r.responder, r.commitment),
  );
}
