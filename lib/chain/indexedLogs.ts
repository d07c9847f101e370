import { numberToHex, type Address, type EIP1193RequestFn, type Transport } from 'viem';
import { logRange, type LogFilter } from './pagedLogs';
import { reportIndexerStatus, type IndexerStatus } from './indexerStatus';

/** How long the indexer's progress is taken as known: reads that arrive together share one look. */
const STATUS_TTL_MS = 1_000;
/** How long what it covers (chain, contracts, start blocks) is taken as known. */
const COVERAGE_TTL_MS = 60_000;
/** An indexer that does not answer within this is treated as down: the chain is asked instead. */
const INDEXER_TIMEOUT_MS = 3_000;
/** Blocks behind the head past which the indexer is reported as behind (a few blocks is normal). */
const BEHIND_BLOCKS = 12n;

type AddressedFilter = LogFilter & { address?: Address | Address[]; topics?: unknown[] };

export type IndexedLogsOptions = {
  /** The indexer's base URL (indexer/, Ponder): GET /status, POST /logs. */
  url: string;
  chainId: number;
  /** The contracts it indexes: a read of any other address goes to the chain. */
  addresses: readonly Address[];
  /** Where to say where history came from (lib/chain/indexerStatus.ts by default). */
  report?: (status: IndexerStatus) => void;
  fetch?: typeof fetch;
};

/**
 * `transport` (the chain, with paged log reads), with eth_getLogs for OwnChart's contracts
 * answered by the indexer up to the block it has indexed, and by the chain for any blocks after:
 * the same logs either way, quickly for a long history. An indexer that is down, slow or
 * misconfigured (another chain) costs speed, never history: the chain answers instead.
 */
export function indexedLogs(transport: Transport, options: IndexedLogsOptions): Transport {
  const indexed = new Set(options.addresses.map((a) => a.toLowerCase()));
  const report = options.report ?? reportIndexerStatus;
  const fetchFn = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  let progress: { at: number; block: Promise<bigint | null> } | null = null;
  let coverage: { at: number; starts: Promise<Map<string, bigint> | null> } | null = null;

  const ask = async (path: string, init?: RequestInit) => {
    const response = await fetchFn(`${options.url}${path}`, {
      ...init,
      signal: AbortSignal.timeout(INDEXER_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`The indexer answered ${response.status} to ${path}`);
    return response.json() as Promise<unknown>;
  };

  /** The last block the indexer holds every log of, or null if it cannot say (down, another chain). */
  function indexedBlock(): Promise<bigint | null> {
    if (progress && Date.now() - progress.at < STATUS_TTL_MS) return progress.block;
    const block = ask('/status').then(
      (status) => {
        const chains = Object.values(status as Record<string, { id?: number; block?: { number?: number } }>);
        const ours = chains.find((c) => c.id === options.chainId);
        return typeof ours?.block?.number === 'number' ? BigInt(ours.block.number) : null;
      },
      () => null,
    );
    progress = { at: Date.now(), block };
    return block;
  }

  /**
   * The block each contract is indexed from, by lower-case address, or null if the indexer cannot
   * say or indexes another chain. An address it does not list is read from the chain: an indexer
   * set up for other contracts answers "nothing" for ours, which must not pass for no history.
   */
  function coveredFrom(): Promise<Map<string, bigint> | null> {
    if (coverage && Date.now() - coverage.at < COVERAGE_TTL_MS) return coverage.starts;
    const starts = ask('/coverage').then(
      (answer) => {
        const { chainId, contracts } = answer as {
          chainId?: number;
          contracts?: { address?: string; startBlock?: number }[];
        };
        if (chainId !== options.chainId || !Array.isArray(contracts)) return null;
        return new Map(
          contracts.flatMap((c) =>
            typeof c.address === 'string' && typeof c.startBlock === 'number'
              ? [[c.address.toLowerCase(), BigInt(c.startBlock)] as const]
              : [],
          ),
        );
      },
      () => null,
    );
    coverage = { at: Date.now(), starts };
    return starts;
  }

  return (parameters) => {
    const inner = transport(parameters);
    const request = (async (args: { method: string; params?: unknown }) => {
      if (args.method !== 'eth_getLogs') return inner.request(args as never);
      const [filter] = args.params as [AddressedFilter];
      const addresses = filter.address === undefined ? [] : [filter.address].flat();
      if (filter.blockHash || addresses.length === 0 || !addresses.every((a) => indexed.has(a.toLowerCase()))) {
        return inner.request(args as never);
      }
      const [[from, to], upTo, starts] = await Promise.all([
        logRange(filter, (head) => inner.request(head as never)),
        indexedBlock(),
        coveredFrom(),
      ]);
      if (from === null || to === null) return inner.request(args as never);
      const covered = addresses.every((a) => {
        const start = starts?.get(a.toLowerCase());
        return start !== undefined && start <= from;
      });
      if (upTo === null || !covered) {
        report({ state: 'unreachable' });
        return inner.request(args as never);
      }
      const fromChain = (start: bigint) =>
        inner.request({
          method: 'eth_getLogs',
          params: [{ ...filter, fromBlock: numberToHex(start), toBlock: numberToHex(to) }],
        } as never) as Promise<unknown[]>;
      const end = to < upTo ? to : upTo;
      if (from > end) return fromChain(from);
      let early: unknown[];
      try {
        early = (await ask('/logs', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...filter, fromBlock: numberToHex(from), toBlock: numberToHex(end) }),
        })) as unknown[];
        if (!Array.isArray(early)) throw new Error('The indexer did not answer a list of logs');
      } catch {
        report({ state: 'unreachable' });
        return fromChain(from);
      }
      report(to - upTo > BEHIND_BLOCKS ? { state: 'behind', blocks: to - upTo } : { state: 'current' });
      return end < to ? [...early, ...(await fromChain(end + 1n))] : early;
    }) as EIP1193RequestFn;
    return { ...inner, request };
  };
}
