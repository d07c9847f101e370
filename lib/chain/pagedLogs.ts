import { hexToBigInt, numberToHex, type EIP1193RequestFn, type Hex, type Transport } from 'viem';

/** Block ranges a public RPC accepts for eth_getLogs (most cap at 10,000 or fewer). */
export const DEFAULT_LOG_PAGE_BLOCKS = 10_000n;
/** Pages asked for at once: fast over a long chain, gentle on the node. */
const PAGES_AT_ONCE = 4;

type LogFilter = { fromBlock?: Hex | string; toBlock?: Hex | string; blockHash?: Hex };

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
      const blockOf = (tag: string | undefined, head: () => Promise<bigint>) =>
        tag === undefined || tag === 'latest'
          ? head()
          : tag === 'earliest'
            ? 0n
            : tag.startsWith('0x')
              ? hexToBigInt(tag as Hex)
              : null;
      let latest: Promise<bigint> | undefined;
      const head = () =>
        (latest ??= (inner.request({ method: 'eth_blockNumber' } as never) as Promise<Hex>).then(hexToBigInt));
      if (filter.blockHash) return inner.request(args as never);
      const [from, to] = await Promise.all([blockOf(filter.fromBlock, head), blockOf(filter.toBlock, head)]);
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
