import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPublicClient, http, keccak256, toHex, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRootsAbi } from '../../contracts-abi';
import { readAccessHistory } from '../../lib/access/readAccessHistory';
import { readCaregiverships } from '../../lib/caregiving/readCaregiverships';
import { indexedLogs } from '../../lib/chain/indexedLogs';
import type { IndexerStatus } from '../../lib/chain/indexerStatus';
import { pagedLogs } from '../../lib/chain/pagedLogs';
import { indexedContractAddresses, readChainConfig } from '../../lib/chain/readChainConfig';
import { readRecordAnchors } from '../../lib/vault/readRecordAnchors';
import { demoAccount } from '../../lib/wallet/demoAccounts';
import { startAnvil, type Anvil } from './anvil';
import { chainWriter, seedClock } from './chainWriter';
import { startIndexer, type Indexer } from './indexer';
import { seedAccess } from './seedAccess';
import { setupChain } from './setupChain';

// The real indexer (Ponder, indexer/) against a real Anvil: the same history both ways.
const ANVIL_PORT = 8553;
const INDEXER_PORT = 3220;
const patient = demoAccount('Patient');

let anvil: Anvil;
let indexer: Indexer;
let dataDir: string;
const config = () => readChainConfig({ rpcUrl: anvil.rpcUrl });

/** A client reading logs through the indexer, counting what it asked of it. */
function throughIndexer(reports: IndexerStatus[], asked: string[]) {
  const transport = indexedLogs(pagedLogs(http(anvil.rpcUrl)), {
    url: indexer.url,
    chainId: 31337,
    addresses: indexedContractAddresses(config()).map((c) => c.address),
    report: (status) => reports.push(status),
    fetch: (async (...args: Parameters<typeof fetch>) => {
      asked.push(new URL(String(args[0])).pathname);
      return fetch(...args);
    }) as typeof fetch,
  });
  return createPublicClient({ chain: config().chain, transport }) as PublicClient;
}

async function history(client: PublicClient) {
  const c = config();
  return {
    access: await readAccessHistory(client, c, patient.address),
    anchors: (await readRecordAnchors(client, { recordRoots: c.recordRoots!, deployBlock: 0n }, patient.address))
      .anchors,
    caring: await readCaregiverships(client, c, { caregiver: demoAccount('Caregiver').address }),
  };
}

beforeAll(async () => {
  const clock = seedClock(`http://127.0.0.1:${ANVIL_PORT}`, 30);
  anvil = await startAnvil({ port: ANVIL_PORT, timestamp: clock.time(0) });
  await setupChain(anvil.rpcUrl);
  await seedAccess(anvil.rpcUrl, clock);
  await clock.toPresent();
  const { wallet, confirm } = chainWriter(anvil.rpcUrl, patient.privateKey);
  for (let i = 0; i < 3; i++) {
    await confirm(
      wallet.writeContract({
        address: config().recordRoots!,
        abi: recordRootsAbi,
        functionName: 'anchor',
        args: [patient.address, keccak256(toHex(`import ${i}`))],
      }),
      `anchor ${i}`,
    );
  }
  dataDir = await mkdtemp(path.join(tmpdir(), 'ownchart-indexer-'));
  indexer = await startIndexer({ rpcUrl: anvil.rpcUrl, port: INDEXER_PORT, dataDir });
}, 120_000);

afterAll(async () => {
  await indexer?.stop();
  await anvil?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the history indexer', () => {
  it('catches up with the chain and gives the same history as reading the chain', async () => {
    const plain = createPublicClient({ chain: config().chain, transport: pagedLogs(http(anvil.rpcUrl)) });
    const head = Number(await plain.getBlockNumber());
    const deadline = Date.now() + 60_000;
    for (;;) {
      const status = (await (await fetch(`${indexer.url}/status`)).json()) as {
        ownchart?: { block: { number: number } };
      };
      if ((status.ownchart?.block.number ?? 0) >= head) break;
      if (Date.now() > deadline) throw new Error(`the indexer did not reach block ${head}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const reports: IndexerStatus[] = [];
    const asked: string[] = [];
    const fromChain = await history(plain as PublicClient);
    const fromIndexer = await history(throughIndexer(reports, asked));
    expect(fromChain.access.length).toBeGreaterThan(4);
    expect(fromChain.anchors).toHaveLength(3);
    expect(fromChain.caring.length).toBeGreaterThan(0);
    expect(fromIndexer).toEqual(fromChain);
    expect(asked.filter((p) => p === '/logs').length).toBeGreaterThan(0);
    expect(reports.every((r) => r.state === 'current')).toBe(true);
  });

  it('still gives the whole history from the chain once the indexer is down', async () => {
    const plain = createPublicClient({ chain: config().chain, transport: pagedLogs(http(anvil.rpcUrl)) });
    const fromChain = await history(plain as PublicClient);
    await indexer.stop();
    const reports: IndexerStatus[] = [];
    expect(await history(throughIndexer(reports, []))).toEqual(fromChain);
    expect(reports).toContainEqual({ state: 'unreachable' });
  });
});
