import { isAddress, isHex, numberToHex, type Address, type Hex, type RpcLog } from 'viem';

/** An eth_getLogs filter as the indexer answers it: addresses lower-case, a block range, topics by position. */
export type LogQuery = {
  addresses: Address[];
  fromBlock: bigint;
  toBlock: bigint;
  /** Per position: null for any, else the topics one of which it must be. */
  topics: (Hex[] | null)[];
};

/** Most logs one answer holds (a patient's whole history is far fewer). */
export const MAX_LOGS = 10_000;
/** Most addresses, and alternatives per topic, one query may name. */
const MAX_LIST = 16;

const isTopic = (value: unknown): value is Hex => typeof value === 'string' && isHex(value) && value.length === 66;
const blockOf = (value: unknown): bigint | null =>
  typeof value === 'string' && /^0x[0-9a-f]{1,15}$/i.test(value) ? BigInt(value) : null;

/**
 * The query in `body` (eth_getLogs filter parameters with numeric block bounds), or what is wrong
 * with it. Block tags ("latest") are the caller's to resolve: the indexer answers fixed ranges.
 */
export function parseLogQuery(body: unknown): LogQuery | string {
  if (!body || typeof body !== 'object') return 'Send an eth_getLogs filter as JSON.';
  const { address, topics = [], fromBlock, toBlock } = body as Record<string, unknown>;
  const addresses = Array.isArray(address) ? address : [address];
  if (
    addresses.length === 0 ||
    addresses.length > MAX_LIST ||
    !addresses.every((a) => typeof a === 'string' && isAddress(a))
  ) {
    return 'Name the contract address (or addresses) to read.';
  }
  const from = blockOf(fromBlock);
  const to = blockOf(toBlock);
  if (from === null || to === null || from > to) return 'Give fromBlock and toBlock as hex block numbers, in order.';
  if (!Array.isArray(topics) || topics.length > 4) return 'Give at most four topics.';
  const parsed: (Hex[] | null)[] = [];
  for (const topic of topics) {
    if (topic === null) parsed.push(null);
    else if (isTopic(topic)) parsed.push([topic.toLowerCase() as Hex]);
    else if (Array.isArray(topic) && topic.length > 0 && topic.length <= MAX_LIST && topic.every(isTopic)) {
      parsed.push(topic.map((t) => t.toLowerCase() as Hex));
    } else return 'Each topic is null, a 32-byte hex value, or a non-empty list of them.';
  }
  return {
    addresses: (addresses as string[]).map((a) => a.toLowerCase() as Address),
    fromBlock: from,
    toBlock: to,
    topics: parsed,
  };
}

export type LogRow = {
  address: Hex;
  blockNumber: bigint;
  blockHash: Hex;
  blockTimestamp: bigint;
  logIndex: number;
  transactionHash: Hex;
  transactionIndex: number;
  topic0: Hex;
  topic1: Hex | null;
  topic2: Hex | null;
  topic3: Hex | null;
  data: Hex;
};

/** A stored log as eth_getLogs returns it (with the block time, as Anvil and newer nodes add). */
export function toRpcLog(row: LogRow): RpcLog & { blockTimestamp: Hex } {
  return {
    address: row.address,
    topics: [row.topic0, row.topic1, row.topic2, row.topic3].filter((t): t is Hex => t !== null) as [Hex, ...Hex[]],
    data: row.data,
    blockHash: row.blockHash,
    blockNumber: numberToHex(row.blockNumber),
    blockTimestamp: numberToHex(row.blockTimestamp),
    transactionHash: row.transactionHash,
    transactionIndex: numberToHex(row.transactionIndex),
    logIndex: numberToHex(row.logIndex),
    removed: false,
  };
}
