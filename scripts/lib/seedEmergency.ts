import type { Hex } from 'viem';
import { commitReason } from '../../lib/emergency/reasonCommitment';
import type { ServerDatabase } from '../../lib/db/openDatabase';
import { sqlEmergencyReasonStore } from '../../lib/db/SqlEmergencyReasonStore';
import { emergencyAccessAbi } from '../../contracts-abi';
import { categoriesToMask } from '../../lib/categories';
import { chainWriter, type SeedClock } from './chainWriter';
import { registerEncryptionKey } from './seedRecords';

/**
 * The patient opts in to emergency access (allergies, medications, conditions, immunizations for
 * 24 hours); the demo responder sets up encryption, breaks glass, and the patient ends it two
 * hours later: an ended emergency access in the history, made with real signed transactions.
 */
export async function seedEmergency({
  rpcUrl,
  db,
  patientKey,
  responderKey,
  clock,
  day,
}: {
  rpcUrl: string;
  db: ServerDatabase;
  patientKey: Hex;
  responderKey: Hex;
  clock: SeedClock;
  /** The day the patient opts in; the emergency happens the next day. */
  day: number;
}) {
  const patient = chainWriter(rpcUrl, patientKey);
  const responder = chainWriter(rpcUrl, responderKey);
  const address = patient.config.emergencyAccess;
  if (!address) throw new Error('EmergencyAccess is not deployed');

  await clock.setDay(day);
  await registerEncryptionKey(rpcUrl, responderKey);
  await patient.confirm(
    patient.wallet.writeContract({
      address,
      abi: emergencyAccessAbi,
      functionName: 'setPolicy',
      args: [categoriesToMask(['allergies', 'medications', 'conditions', 'immunizations']), 24 * 3600],
    }),
    'emergency opt-in',
  );
  await clock.setDay(day + 1);
  const reason = commitReason({ patient: patient.account.address, responder: responder.account.address, code: 1 });
  await responder.confirm(
    responder.wallet.writeContract({
      address,
      abi: emergencyAccessAbi,
      functionName: 'breakGlass',
      args: [patient.account.address, reason.commitment],
    }),
    'break glass',
  );
  // What the responder's browser then sends the server: the reason, for the patient only.
  await sqlEmergencyReasonStore(db).add(patient.account.address.toLowerCase(), [
    { commitment: reason.commitment, responder: responder.account.address, code: reason.code },
  ]);
  await clock.setDay(day + 1 + 2 / 24);
  await patient.confirm(
    patient.wallet.writeContract({
      address,
      abi: emergencyAccessAbi,
      functionName: 'endAccess',
      args: [patient.account.address, responder.account.address],
    }),
    'end emergency access',
  );
}
