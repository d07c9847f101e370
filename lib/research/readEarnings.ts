import { parseEventLogs, type Address, type Log } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { researchStudiesAbi } from '../../contracts-abi';
import type { ChainConfig } from '../chain/readChainConfig';
import { researchContracts } from './readStudies';

/** One reward earned: the study and when the researcher accepted the contribution. */
export type Earning = { studyId: bigint; earnedAt: number };

/**
 * When each of `patient`'s contributions was accepted, oldest first: one eth_getLogs (the patient
 * is an indexed topic), with block times from the logs where the node provides them.
 */
export async function readEarnings(client: ChainReader, config: ChainConfig, patient: Address): Promise<Earning[]> {
  const { studies } = researchContracts(config);
  const raw = (await client.getLogs({
    address: studies,
    event: researchStudiesAbi.find((e) => e.type === 'event' && e.name === 'ContributionReviewed')!,
    args: { patient },
    fromBlock: config.deployBlock,
  })) as (Log & { blockTimestamp?: string | bigint })[];
  const logs = parseEventLogs({ abi: researchStudiesAbi, eventName: 'ContributionReviewed', logs: raw });
  const earnings: Earning[] = [];
  for (const [i, log] of logs.entries()) {
    if (!log.args.accepted) continue;
    const stamp = raw[i]!.blockTimestamp;
    const earnedAt =
      stamp !== undefined ? Number(stamp) : Number((await client.getBlock({ blockHash: log.blockHash })).timestamp);
    earnings.push({ studyId: log.args.studyId, earnedAt });
  }
  return earnings;
}

/** Cumulative earnings at the end of each month that had any, for a simple chart. */
export function cumulativeByMonth(earnings: readonly Earning[], rewardOf: (studyId: bigint) => bigint) {
  const months = new Map<string, bigint>();
  for (const earning of [...earnings].sort((a, b) => a.earnedAt - b.earnedAt)) {
    const month = new Date(earning.earnedAt * 1000).toISOString().slice(0, 7);
    months.set(month, (months.get(month) ?? 0n) + rewardOf(earning.studyId));
  }
  let total = 0n;
  return [...months].map(([month, amount]) => ({ month, total: (total += amount) }));
}
