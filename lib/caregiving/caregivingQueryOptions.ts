import type { Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import type { ChainConfig } from '../chain/readChainConfig';
import { caregivingKeys } from './queryKeys';
import { readCaregiverships } from './readCaregiverships';

/** TanStack query options for a patient's live caregivers. */
export function caregiversQueryOptions(client: ChainReader, config: ChainConfig, patient: Address) {
  return {
    queryKey: caregivingKeys.caregivers(config.chain.id, patient),
    queryFn: () => readCaregiverships(client, config, { patient }),
  };
}

/** TanStack query options for the patients a caregiver currently acts for. */
export function caredForQueryOptions(client: ChainReader, config: ChainConfig, caregiver: Address) {
  return {
    queryKey: caregivingKeys.caredFor(config.chain.id, caregiver),
    queryFn: () => readCaregiverships(client, config, { caregiver }),
  };
}
