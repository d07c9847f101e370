import type { Address, Hex } from 'viem';
import { emergencyAccessAbi } from '../../contracts-abi';
import { accessKeys } from '../access/queryKeys';
import { readerAccessKeys } from '../auth/queryKeys';
import { defineAction } from '../chain/contractAction';
import type { ChainConfig } from '../chain/readChainConfig';
import { vaultKeys } from '../vault/queryKeys';
import { emergencyKeys } from './queryKeys';

function emergencyAccess(config: ChainConfig): Address {
  if (!config.emergencyAccess) throw new Error(`No EmergencyAccess on chain ${config.chain.id}`);
  return config.emergencyAccess;
}

/** A registered responder opens the patient's emergency categories, committing to a reason. */
export function breakGlass(config: ChainConfig, { patient, commitment }: { patient: Address; commitment: Hex }) {
  return defineAction({
    label: `breaking glass for ${patient}`,
    address: emergencyAccess(config),
    abi: emergencyAccessAbi,
    functionName: 'breakGlass',
    args: [patient, commitment],
    invalidates: [
      emergencyKeys.all(config.chain.id),
      accessKeys.history(config.chain.id, patient),
      readerAccessKeys.patient(config.chain.id, patient),
    ],
  });
}

/**
 * The patient opts in to (or changes) emergency access. Responders are sealed keys ahead of time,
 * so the key sync runs again after it.
 */
export function setEmergencyPolicy(
  config: ChainConfig,
  {
    patient,
    categories,
    windowSeconds,
    optedIn,
  }: { patient: Address; categories: number; windowSeconds: number; optedIn: boolean },
) {
  return defineAction({
    label: optedIn ? 'saving your emergency settings' : 'turning on emergency access',
    address: emergencyAccess(config),
    abi: emergencyAccessAbi,
    functionName: 'setPolicy',
    args: [categories, windowSeconds],
    // A policy change ends every open window at once.
    invalidates: [emergencyKeys.all(config.chain.id), readerAccessKeys.patient(config.chain.id, patient)],
    followUps: [vaultKeys.keySync(config.chain.id, patient)],
  });
}

/** The patient turns emergency access off, which also ends every open window. */
export function clearEmergencyPolicy(config: ChainConfig, { patient }: { patient: Address }) {
  return defineAction({
    label: 'turning off emergency access',
    address: emergencyAccess(config),
    abi: emergencyAccessAbi,
    functionName: 'clearPolicy',
    args: [],
    invalidates: [emergencyKeys.all(config.chain.id), readerAccessKeys.patient(config.chain.id, patient)],
  });
}

/** The patient (or the responder) ends a break-glass window now; the responder stays blocked. */
export function endEmergencyAccess(
  config: ChainConfig,
  { patient, responder }: { patient: Address; responder: Address },
) {
  return defineAction({
    label: 'ending emergency access',
    address: emergencyAccess(config),
    abi: emergencyAccessAbi,
    functionName: 'endAccess',
    args: [patient, responder],
    invalidates: [
      accessKeys.history(config.chain.id, patient),
      emergencyKeys.all(config.chain.id),
      readerAccessKeys.of(config.chain.id, patient, responder),
    ],
  });
}

/** The patient lets a responder they stopped break glass again. */
export function allowResponder(config: ChainConfig, { patient, responder }: { patient: Address; responder: Address }) {
  return defineAction({
    label: 'allowing this responder to break glass again',
    address: emergencyAccess(config),
    abi: emergencyAccessAbi,
    functionName: 'setResponderBlocked',
    args: [responder, false],
    invalidates: [emergencyKeys.blocked(config.chain.id, patient)],
  });
}
