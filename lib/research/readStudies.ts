import { parseEventLogs, type Address, type Hash } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { demoStableTokenAbi, multicall3Abi, researchStudiesAbi } from '../../contracts-abi';
import type { ChainConfig } from '../chain/readChainConfig';
import { OwnChartError } from '../errors/OwnChartError';

type Research = NonNullable<ChainConfig['research']>;

export type StudyParticipation = {
  enrolment: 'none' | 'enrolled' | 'withdrawn';
  contribution: 'none' | 'submitted' | 'accepted' | 'rejected';
  claimed: boolean;
  contributionHash: Hash;
};

export type Study = {
  id: bigint;
  researcher: Address;
  token: Address;
  reward: bigint;
  escrow: bigint;
  /** Rewards set aside for contributions awaiting review. */
  reserved: bigint;
  cap: number;
  enrolled: number;
  accepted: number;
  categories: number;
  endsAt: number;
  closed: boolean;
  metadataHash: Hash;
  consentHash: Hash;
  /** The reading account's standing, when an account was given. */
  participation: StudyParticipation | null;
};

export type StudiesSnapshot = { studies: Study[]; chainTime: number };

const ENROLMENT = ['none', 'enrolled', 'withdrawn'] as const;
const CONTRIBUTION = ['none', 'submitted', 'accepted', 'rejected'] as const;

/** The research contracts on this chain, or a clear error where they are not deployed. */
export function researchContracts(config: ChainConfig): Research {
  if (!config.research) throw new OwnChartError(`Research studies are not available on ${config.chain.name}.`);
  return config.research;
}

function toParticipation(raw: { enrolment: number; contribution: number; claimed: boolean; contributionHash: Hash }) {
  return {
    enrolment: ENROLMENT[raw.enrolment] ?? 'none',
    contribution: CONTRIBUTION[raw.contribution] ?? 'none',
    claimed: raw.claimed,
    contributionHash: raw.contributionHash,
  } satisfies StudyParticipation;
}

/**
 * Every study, newest first, with `account`'s standing in each and the chain time: two eth_calls
 * (the count, then one multicall for all studies, standings and the block time).
 */
export async function readStudies(
  client: ChainReader,
  config: ChainConfig,
  account?: Address,
): Promise<StudiesSnapshot> {
  const { studies: address } = researchContracts(config);
  const multicall3 = config.chain.contracts!.multicall3!.address;
  const count = Number(await client.readContract({ address, abi: researchStudiesAbi, functionName: 'studyCount' }));
  const ids = Array.from({ length: count }, (_, i) => BigInt(count - i));
  const contracts: unknown[] = [
    { address: multicall3, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' },
    ...ids.map((id) => ({ address, abi: researchStudiesAbi, functionName: 'getStudy', args: [id] })),
    ...(account
      ? ids.map((id) => ({ address, abi: researchStudiesAbi, functionName: 'participationOf', args: [id, account] }))
      : []),
  ];
  // Mixed contracts in one call: viem cannot type the tuple; the shapes are asserted below.
  const results = await client.multicall({
    allowFailure: false,
    multicallAddress: multicall3,
    contracts: contracts as never,
  });
  const [timestamp, ...rest] = results as unknown as [
    bigint,
    ...(
      | Omit<Study, 'id' | 'participation'>
      | { enrolment: number; contribution: number; claimed: boolean; contributionHash: Hash }
    )[],
  ];
  const studies = ids.map((id, i): Study => {
    const raw = rest[i] as Omit<Study, 'id' | 'participation'>;
    const standing = account ? (rest[count + i] as Parameters<typeof toParticipation>[0]) : null;
    return { ...raw, id, participation: standing ? toParticipation(standing) : null };
  });
  return { studies, chainTime: Number(timestamp) };
}

export type ContributionEntry = {
  patient: Address;
  contentHash: Hash;
  status: StudyParticipation['contribution'];
  enrolment: StudyParticipation['enrolment'];
  submittedBlock: bigint;
};

/** A study's contributions with their current review status: one eth_getLogs and one multicall. */
export async function readContributions(
  client: ChainReader,
  config: ChainConfig,
  studyId: bigint,
): Promise<ContributionEntry[]> {
  const { studies: address } = researchContracts(config);
  const logs = parseEventLogs({
    abi: researchStudiesAbi,
    eventName: 'ContributionSubmitted',
    logs: await client.getLogs({
      address,
      event: researchStudiesAbi.find((e) => e.type === 'event' && e.name === 'ContributionSubmitted')!,
      args: { studyId },
      fromBlock: config.deployBlock,
    }),
  });
  if (logs.length === 0) return [];
  const standings = await client.multicall({
    allowFailure: false,
    contracts: logs.map(
      (log) =>
        ({
          address,
          abi: researchStudiesAbi,
          functionName: 'participationOf',
          args: [studyId, log.args.patient],
        }) as const,
    ),
  });
  return logs.map((log, i) => {
    const standing = toParticipation(standings[i]!);
    return {
      patient: log.args.patient,
      contentHash: log.args.contentHash,
      status: standing.contribution,
      enrolment: standing.enrolment,
      submittedBlock: log.blockNumber,
    };
  });
}

export type TokenInfo = { symbol: string; decimals: number };

/** Symbol and decimals of the reward token. */
export async function readToken(client: ChainReader, token: Address): Promise<TokenInfo> {
  const [symbol, decimals] = await client.multicall({
    allowFailure: false,
    contracts: [
      { address: token, abi: demoStableTokenAbi, functionName: 'symbol' },
      { address: token, abi: demoStableTokenAbi, functionName: 'decimals' },
    ],
  });
  return { symbol, decimals };
}
