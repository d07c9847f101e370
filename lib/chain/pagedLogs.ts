import { hexToBigInt, numberToHex, type EIP1193RequestFn, type Hex, type Transport } from 'viem';

/** Block ranges a public RPC accepts for eth_getLogs (most cap at 10,000 or fewer). */
export const DEFAULT_LOG_PAGE_BLOCKS = 10_000n;
/** Pages asked for at once: fast over a long chain, gentle on the node. */
const PAGES_AT_ONCE = 4;

export type LogFilter = { fromBlock?: Hex | string; toBlock?: Hex | string; blockHash?: Hex };

/**
 * `filter`'s bounds as block numbers: `earliest` is 0 and `latest` (or none) the head, asked of
 * `request` once however many bounds need it; null for a bound given as any other tag.
 */
export function logRange(
  filter: LogFilter,
  request: (args: { method: 'eth_blockNumber' }) => Promise<unknown>,
): Promise<[bigint | null, bigint | null]> {
  let latest: Promise<bigint> | undefined;
  const head = () => (latest ??= (request({ method: 'eth_blockNumber' }) as Promise<Hex>).then(hexToBigInt));
  const blockOf = (tag: string | undefined) =>
    tag === undefined || tag === 'latest'
      ? head()
      : tag === 'earliest'
        ? 0n
        : tag.startsWith('0x')
          ? hexToBigInt(tag as Hex)
          : null;
  return Promise.all([blockOf(filter.fromBlock), blockOf(filter.toBlock)]);
}

/**
 * `transport`, with every eth_getLogs over more than `pageBlocks` blocks split into consecutive
 * ranges of at most that many, asked for a few at a time and joined in block order: the same
 * logs, from a node that refuses long ranges. A filter by block hash, or by a tag other than
 * `earliest` and `latest`, is passed on as it is.
 */
export function pagedLogs(transport: Transport, pageBlocks: bigint = DEFAULT_LOG_PAGE_BLOCKS): Transport {
  if (pageBlocks < 1n) throw new RangeError('A log page must cover at least one block.');
  return (parameters) => {
    const inner = transport(parameters);
    const request = (async (args: { method: string; params?: unknown }) => {
      if (args.method !== 'eth_getLogs') return inner.request(args as never);
      const [filter, ...rest] = args.params as [LogFilter, ...unknown[]];
      if (filter.blockHash) return inner.request(args as never);
      const [from, to] = await logRange(filter, (head) => inner.request(head as never));
      if (from === null || to === null || to - from + 1n <= pageBlocks) return inner.request(args as never);

      const ranges: [bigint, bigint][] = [];
      for (let start = from; start <= to; start += pageBlocks) {
        const end = start + pageBlocks - 1n;
        ranges.push([start, end < to ? end : to]);
      }
      const pages: unknown[][] = new Array(ranges.length);
      for (let i = 0; i < ranges.length; i += PAGES_AT_ONCE) {
        await Promise.all(
          ranges.slice(i, i + PAGES_AT_ONCE).map(async ([start, end], j) => {
            pages[i + j] = (await inner.request({
              method: 'eth_getLogs',
              params: [{ ...filter, fromBlock: numberToHex(start), toBlock: numberToHex(end) }, ...rest],
            } as never)) as unknown[];
          }),
        );
      }
      return pages.flat();
    }) as EIP1193RequestFn;
    return { ...inner, request };
  };
}
