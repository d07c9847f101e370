import type { Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { accessRegistryAbi } from '../../contracts-abi';
import type { ChainConfig } from '../chain/readChainConfig';

/** A live caregiver appointment: `caregiver` may act for and read everything of `patient`. */
export type Caregivership = { patient: Address; caregiver: Address; expiresAt: number };

export type ReadCaregivershipsParameters = { patient: Address } | { caregiver: Address };

/**
 * The live caregiver appointments of one patient, or of one caregiver. Candidates come from the
 * CaregiverAppointed events (one eth_getLogs); whether each is live, and until when, comes from
 * the contract itself (one multicall), so a node that invents or replays a log cannot make anyone
 * a caregiver, and an expired or removed appointment is never shown as live.
 */
export async function readCaregiverships(
  client: ChainReader,
  config: Pick<ChainConfig, 'accessRegistry' | 'deployBlock'>,
  filter: ReadCaregivershipsParameters,
): Promise<Caregivership[]> {
  const logs = await client.getContractEvents({
    address: config.accessRegistry,
    abi: accessRegistryAbi,
    eventName: 'CaregiverAppointed',
    args: filter,
    fromBlock: config.deployBlock,
    strict: true,
  });
  const pairs = new Map<string, { patient: Address; caregiver: Address }>();
  for (const { args } of logs) pairs.set(`${args.patient}:${args.caregiver}`, args);
  const candidates = [...pairs.values()];
  if (candidates.length === 0) return [];
  const registry = { address: config.accessRegistry, abi: accessRegistryAbi } as const;
  const answers = await client.multicall({
    allowFailure: false,
    contracts: candidates.flatMap(({ patient, caregiver }) => [
      { ...registry, functionName: 'isCaregiver', args: [patient, caregiver] } as const,
      { ...registry, functionName: 'caregiverExpiry', args: [patient, caregiver] } as const,
    ]),
  });
  return candidates.flatMap(({ patient, caregiver }, i) =>
    answers[2 * i] === true ? [{ patient, caregiver, expiresAt: Number(answers[2 * i + 1]) }] : [],
  );
}
