import type { Address } from 'viem';
import { accessRegistryAbi } from '../../contracts-abi';
import { accessKeys } from '../access/queryKeys';
import { readerAccessKeys } from '../auth/queryKeys';
import { defineAction } from '../chain/contractAction';
import type { ChainConfig } from '../chain/readChainConfig';
import { vaultKeys } from '../vault/queryKeys';
import { caregivingKeys } from './queryKeys';

/** A caregiver reads every category, so a change to one also re-runs the patient's key sync. */
function afterCaregiverChange(config: ChainConfig, patient: Address, caregiver: Address) {
  const chainId = config.chain.id;
  return {
    invalidates: [
      caregivingKeys.caregivers(chainId, patient),
      caregivingKeys.caredFor(chainId, caregiver),
      accessKeys.history(chainId, patient),
      accessKeys.grantees(chainId, patient),
      readerAccessKeys.of(chainId, patient, caregiver),
    ],
    followUps: [vaultKeys.keySync(chainId, patient)],
  };
}

/** The patient appoints a caregiver until the end of a chosen day. */
export function appointCaregiver(
  config: ChainConfig,
  { patient, caregiver, expiresAt }: { patient: Address; caregiver: Address; expiresAt: number },
) {
  return defineAction({
    label: `appointing ${caregiver} as your caregiver`,
    address: config.accessRegistry,
    abi: accessRegistryAbi,
    functionName: 'appointCaregiver',
    args: [caregiver, expiresAt],
    ...afterCaregiverChange(config, patient, caregiver),
  });
}

/** The patient removes a caregiver at once. */
export function removeCaregiver(config: ChainConfig, { patient, caregiver }: { patient: Address; caregiver: Address }) {
  return defineAction({
    label: `removing your caregiver ${caregiver}`,
    address: config.accessRegistry,
    abi: accessRegistryAbi,
    functionName: 'removeCaregiver',
    args: [caregiver],
    ...afterCaregiverChange(config, patient, caregiver),
  });
}
