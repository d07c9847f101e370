import type { Address } from 'viem';
import { accessRegistryAbi } from '../../contracts-abi';
import { readerAccessKeys } from '../auth/queryKeys';
import { defineAction } from '../chain/contractAction';
import type { ChainConfig } from '../chain/readChainConfig';
import { formatAddress } from '../format/formatAddress';
import { vaultKeys } from '../vault/queryKeys';
import type { GrantArgs } from './parseGrantForm';
import { accessKeys } from './queryKeys';

/**
 * What a change to who reads a patient's records makes stale (the patient's list and history, the
 * grantee's list) and, once confirmed, the key sync, which reuses the grants and history just read.
 */
function afterAccessChange(config: ChainConfig, patient: Address, grantee: Address) {
  const chainId = config.chain.id;
  return {
    invalidates: [
      accessKeys.grantees(chainId, patient),
      accessKeys.history(chainId, patient),
      accessKeys.patients(chainId, grantee),
      readerAccessKeys.of(chainId, patient, grantee),
    ],
    followUps: [vaultKeys.keySync(chainId, patient)],
  };
}

/** The patient (or their caregiver) grants, or changes, a clinician's access. */
export function grantAccess(config: ChainConfig, args: GrantArgs) {
  const [patient, grantee] = args;
  return defineAction({
    label: `granting access to ${formatAddress(grantee)}`,
    address: config.accessRegistry,
    abi: accessRegistryAbi,
    functionName: 'grant',
    args,
    ...afterAccessChange(config, patient, grantee),
  });
}

/** The patient (or their caregiver) ends a clinician's access at once. */
export function revokeAccess(config: ChainConfig, { patient, grantee }: { patient: Address; grantee: Address }) {
  return defineAction({
    label: `revoking access for ${formatAddress(grantee)}`,
    address: config.accessRegistry,
    abi: accessRegistryAbi,
    functionName: 'revoke',
    args: [patient, grantee],
    ...afterAccessChange(config, patient, grantee),
  });
}

/** The clinician accepts a patient's grant, or declines it (which ends it, as a revoke does). */
export function answerGrant(
  config: ChainConfig,
  { patient, clinician, accept }: { patient: Address; clinician: Address; accept: boolean },
) {
  return defineAction({
    label: accept ? `accepting access from ${patient}` : `declining access from ${patient}`,
    address: config.accessRegistry,
    abi: accessRegistryAbi,
    functionName: accept ? 'accept' : 'renounce',
    args: [patient],
    invalidates: [
      accessKeys.patients(config.chain.id, clinician),
      readerAccessKeys.of(config.chain.id, patient, clinician),
    ],
  });
}
