import type { Hex } from 'viem';
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
  patientKey,
  responderKey,
  clock,
  day,
}: {
  rpcUrl: string;
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
  await responder.confirm(
    responder.wallet.writeContract({
      address,
      abi: emergencyAccessAbi,
      functionName: 'breakGlass',
      args: [patient.account.address, 1],
    }),
    'break glass',
  );
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
