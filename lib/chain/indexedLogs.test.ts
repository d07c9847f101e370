import { custom, hexToBigInt, numberToHex, type Address, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { indexedLogs } from './indexedLogs';
import type { IndexerStatus } from './indexerStatus';

const registry: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const token: Address = '0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9';
const HEAD = 100n;
/** One log every ten blocks, as the chain holds them. */
const logs = Array.from({ length: 10 }, (_, i) => ({
  address: registry.toLowerCase(),
  blockNumber: numberToHex(BigInt(i * 10 + 5)),
  logIndex: '0x0',
  topics: ['0x' + '11'.repeat(32)],
  data: '0x',
}));
const inRange = (filter: { fromBlock: Hex; toBlock: Hex }) =>
  logs.filter((l) => {
    const n = hexToBigInt(l.blockNumber);
    return n >= hexToBigInt(filter.fromBlock) && n <= hexToBigInt(filter.toBlock);
  });

function setUp({
  indexedTo,
  chainId = 31337,
  down = false,
  covers = [registry],
  startBlock = 0,
}: {
  indexedTo: bigint;
  chainId?: number;
  down?: boolean;
  covers?: Address[];
  startBlock?: number;
}) {
  const chainCalls: { method: string; params?: unknown }[] = [];
  const indexerCalls: string[] = [];
  const reports: IndexerStatus[] = [];
  const chain = custom({
    async request({ method, params }) {
      chainCalls.push({ method, params });
      if (method === 'eth_blockNumber') return numberToHex(HEAD);
      if (method === 'eth_getLogs') {
        const [filter] = params as [{ fromBlock?: Hex; toBlock?: string; blockHash?: Hex }];
        if (filter.blockHash) return [];
        const to = filter.toBlock === undefined || filter.toBlock === 'latest' ? numberToHex(HEAD) : filter.toBlock;
        return inRange({ fromBlock: filter.fromBlock ?? '0x0', toBlock: to as Hex });
      }
      throw new Error(`unexpected ${method}`);
    },
  });
  const fetchIndexer = (async (url: string, init?: RequestInit) => {
    indexerCalls.push(new URL(url).pathname);
    if (down) throw new TypeError('fetch failed');
    if (url.endsWith('/coverage')) {
      return Response.json({
        chainId,
        contracts: covers.map((address) => ({ address: address.toLowerCase(), startBlock })),
      });
    }
    if (url.endsWith('/status')) {
      return Response.json({ ownchart: { id: chainId, block: { number: Number(indexedTo), timestamp: 1 } } });
    }
    const filter = JSON.parse(String(init!.body)) as { fromBlock: Hex; toBlock: Hex };
    if (hexToBigInt(filter.toBlock) > indexedTo) throw new Error('asked beyond what is indexed');
    return Response.json(inRange(filter));
  }) as typeof fetch;
  const transport = indexedLogs(chain, {
    url: 'http://indexer.test',
    chainId: 31337,
    addresses: [registry],
    report: (status) => reports.push(status),
    fetch: fetchIndexer,
  })({});
  const getLogs = (filter: Record<string, unknown>) =>
    transport.request({ method: 'eth_getLogs', params: [filter] } as never) as Promise<typeof logs>;
  return { getLogs, chainCalls, indexerCalls, reports };
}

const everything = { address: registry, fromBlock: '0x0', toBlock: 'latest' };

describe('indexedLogs', () => {
  it('answers from the indexer when it has every block asked for', async () => {
    const { getLogs, chainCalls, indexerCalls, reports } = setUp({ indexedTo: HEAD });
    expect(await getLogs(everything)).toEqual(logs);
    expect(chainCalls.map((c) => c.method)).toEqual(['eth_blockNumber']);
    expect(indexerCalls.sort()).toEqual(['/coverage', '/logs', '/status']);
    expect(reports).toEqual([{ state: 'current' }]);
  });

  it('reads the blocks the indexer has not reached from the chain, and says it is behind', async () => {
    const { getLogs, chainCalls, reports } = setUp({ indexedTo: 40n });
    expect(await getLogs(everything)).toEqual(logs);
    const fromChain = chainCalls.filter((c) => c.method === 'eth_getLogs');
    expect(fromChain).toHaveLength(1);
    expect((fromChain[0]!.params as [{ fromBlock: Hex; toBlock: Hex }])[0]).toMatchObject({
      fromBlock: numberToHex(41n),
      toBlock: numberToHex(HEAD),
    });
    expect(reports).toEqual([{ state: 'behind', blocks: 60n }]);
  });

  it('reads everything from the chain when the indexer is down or indexes another chain', async () => {
    for (const setup of [
      { indexedTo: HEAD, down: true },
      { indexedTo: HEAD, chainId: 8453 },
    ]) {
      const { getLogs, chainCalls, reports } = setUp(setup);
      expect(await getLogs(everything)).toEqual(logs);
      expect(chainCalls.filter((c) => c.method === 'eth_getLogs')).toHaveLength(1);
      expect(reports).toEqual([{ state: 'unreachable' }]);
    }
  });

  it('never asks the indexer for a contract the app does not index, or for one block by hash', async () => {
    const { getLogs, indexerCalls } = setUp({ indexedTo: HEAD });
    await getLogs({ ...everything, address: token });
    await getLogs({ address: registry, blockHash: '0x' + '22'.repeat(32) });
    expect(indexerCalls).toEqual([]);
  });

  it('reads the chain for a contract the indexer does not hold, or holds only from a later block', async () => {
    // An indexer set up for another deployment answers nothing for ours: that is not "no history".
    for (const setup of [{ covers: [token] }, { startBlock: 50 }]) {
      const { getLogs, indexerCalls, reports } = setUp({ indexedTo: HEAD, ...setup });
      expect(await getLogs(everything)).toEqual(logs);
      expect(indexerCalls).not.toContain('/logs');
      expect(reports).toEqual([{ state: 'unreachable' }]);
    }
  });

  it('shares one look at the indexer among reads that arrive together', async () => {
    const { getLogs, indexerCalls } = setUp({ indexedTo: HEAD });
    await Promise.all([getLogs(everything), getLogs({ ...everything, fromBlock: '0x20' })]);
    expect(indexerCalls.filter((p) => p === '/status')).toHaveLength(1);
    expect(indexerCalls.filter((p) => p === '/coverage')).toHaveLength(1);
  });
});
