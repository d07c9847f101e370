import type { Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import type { ChainConfig } from '../chain/readChainConfig';
import { accessKeys } from './queryKeys';
import { readAccessHistory } from './readAccessHistory';
import { readGrants } from './readGrants';

/** TanStack query options for a patient's grants ("who can read my records"). */
export function granteesQueryOptions(client: ChainReader, config: ChainConfig, patient: Address) {
  return {
    queryKey: accessKeys.grantees(config.chain.id, patient),
    queryFn: () => readGrants(client, config, { direction: 'grantees', account: patient }),
  };
}

/** TanStack query options for the grants made to a clinician ("my patients"). */
export function patientsQueryOptions(client: ChainReader, config: ChainConfig, grantee: Address) {
  return {
    queryKey: accessKeys.patients(config.chain.id, grantee),
    queryFn: () => readGrants(client, config, { direction: 'patients', account: grantee }),
  };
}

/** TanStack query options for a patient's access history. */
export function historyQueryOptions(client: ChainReader, config: ChainConfig, patient: Address) {
  return {
    queryKey: accessKeys.history(config.chain.id, patient),
    queryFn: () => readAccessHistory(client, config, patient),
  };
}
