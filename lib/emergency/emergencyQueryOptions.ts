import type { Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { emergencyAccessAbi } from '../../contracts-abi';
import type { ChainConfig } from '../chain/readChainConfig';
import { emergencyAccessAddress } from './emergencyAccessAddress';
import { emergencyKeys } from './queryKeys';
import { fetchReasons } from './reasonApi';
import { readBlockedResponders } from './readBlockedResponders';

/** TanStack query options for the patient's emergency policy (categories 0 = not opted in). */
export function emergencyPolicyQueryOptions(client: ChainReader, config: ChainConfig, patient: Address) {
  return {
    queryKey: emergencyKeys.policy(config.chain.id, patient),
    queryFn: () =>
      client.readContract({
        address: emergencyAccessAddress(config),
        abi: emergencyAccessAbi,
        functionName: 'policyOf',
        args: [patient],
      }),
  };
}

/** TanStack query options for the institution `account` responds for (the zero address if none). */
export function responderInstitutionQueryOptions(client: ChainReader, config: ChainConfig, account: Address) {
  return {
    queryKey: emergencyKeys.responder(config.chain.id, account),
    queryFn: () =>
      client.readContract({
        address: emergencyAccessAddress(config),
        abi: emergencyAccessAbi,
        functionName: 'institutionOf',
        args: [account],
      }),
  };
}

/** TanStack query options for the responders the patient has stopped from breaking glass again. */
export function blockedRespondersQueryOptions(client: ChainReader, config: ChainConfig, patient: Address) {
  return {
    queryKey: emergencyKeys.blocked(config.chain.id, patient),
    queryFn: () => readBlockedResponders(client, config, patient),
  };
}

/** TanStack query options for the break-glass reasons revealed to the patient (server, patient only). */
export function emergencyReasonsQueryOptions(config: ChainConfig, patient: Address) {
  return {
    queryKey: emergencyKeys.reasons(config.chain.id, patient),
    queryFn: () => fetchReasons(patient),
  };
}
