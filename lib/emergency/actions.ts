import type { Address, Hex } from 'viem';
import { emergencyAccessAbi } from '../../contracts-abi';
import { accessKeys } from '../access/queryKeys';
import { readerAccessKeys } from '../auth/queryKeys';
import { defineAction } from '../chain/contractAction';
import type { ChainConfig } from '../chain/readChainConfig';
import { emergencyAccessAddress } from './emergencyAccessAddress';
import { vaultKeys } from '../vault/queryKeys';
import { emergencyKeys } from './queryKeys';

/** A registered responder opens the patient's emergency categories, committing to a reason. */
export function breakGlass(config: ChainConfig, { patient, commitment }: { patient: Address; commitment: Hex }) {
  return defineAction({
    label: `breaking glass for ${patient}`,
    address: emergencyAccessAddress(config),
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
 * What a change to the patient's emergency policy makes stale. It ends every open window, which
 * the history records and which moves key versions, so the history is refreshed before the key
 * sync that follows (responders are sealed their keys ahead of time, too).
 */
function afterPolicyChange(config: ChainConfig, patient: Address) {
  const chainId = config.chain.id;
  return {
    invalidates: [
      accessKeys.history(chainId, patient),
      emergencyKeys.all(chainId),
      readerAccessKeys.patient(chainId, patient),
    ],
    followUps: [vaultKeys.keySync(chainId, patient)],
  };
}

/** The patient opts in to (or changes) emergency access. */
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
    address: emergencyAccessAddress(config),
    abi: emergencyAccessAbi,
    functionName: 'setPolicy',
    args: [categories, windowSeconds],
    ...afterPolicyChange(config, patient),
  });
}

/** The patient turns emergency access off, which also ends every open window. */
export function clearEmergencyPolicy(config: ChainConfig, { patient }: { patient: Address }) {
  return defineAction({
    label: 'turning off emergency access',
    address: emergencyAccessAddress(config),
    abi: emergencyAccessAbi,
    functionName: 'clearPolicy',
    args: [],
    ...afterPolicyChange(config, patient),
  });
}

/**
 * The patient (or the responder) ends a break-glass window now; the responder stays blocked. The
 * ended window moves the key versions of its categories, so the key sync follows.
 */
export function endEmergencyAccess(
  config: ChainConfig,
  { patient, responder }: { patient: Address; responder: Address },
) {
  return defineAction({
    label: 'ending emergency access',
    address: emergencyAccessAddress(config),
    abi: emergencyAccessAbi,
    functionName: 'endAccess',
    args: [patient, responder],
    invalidates: [
      accessKeys.history(config.chain.id, patient),
      emergencyKeys.all(config.chain.id),
      readerAccessKeys.of(config.chain.id, patient, responder),
    ],
    followUps: [vaultKeys.keySync(config.chain.id, patient)],
  });
}

/** The patient lets a responder they stopped break glass again. */
export function allowResponder(config: ChainConfig, { patient, responder }: { patient: Address; responder: Address }) {
  return defineAction({
    label: 'allowing this responder to break glass again',
    address: emergencyAccessAddress(config),
    abi: emergencyAccessAbi,
    functionName: 'setResponderBlocked',
    args: [responder, false],
    invalidates: [emergencyKeys.blocked(config.chain.id, patient)],
  });
}
