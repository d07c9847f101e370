import { getAddress, type Hex } from 'viem';
import type { EmergencyReasonStore, RevealedReason } from '../storage/EmergencyReasonStore';
import type { ServerDatabase } from './openDatabase';

/** Revealed break-glass reasons in the server database; a reason revealed again is kept once. */
export function sqlEmergencyReasonStore(db: ServerDatabase): EmergencyReasonStore {
  return {
    async add(patient, reasons: readonly RevealedReason[]) {
      if (reasons.length === 0) return;
      await db
        .insertInto('emergency_reasons')
        .values(
          reasons.map((r) => ({
            patient: patient.toLowerCase(),
            responder: r.responder.toLowerCase(),
            commitment: r.commitment.toLowerCase(),
            code: r.code,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['patient', 'responder', 'commitment']).doUpdateSet((eb) => ({ code: eb.ref('excluded.code') })),
        )
        .execute();
    },
    async list(patient) {
      const rows = await db
        .selectFrom('emergency_reasons')
        .select(['responder', 'commitment', 'code'])
        .where('patient', '=', patient.toLowerCase())
        .orderBy('position')
        .execute();
      return rows.map((r) => ({ responder: getAddress(r.responder), commitment: r.commitment as Hex, code: r.code }));
    },
  };
}
