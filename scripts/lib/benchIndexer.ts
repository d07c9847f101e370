import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeFunctionData,
  http,
  type Hex,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { accessRegistryAbi } from '../../contracts-abi';
import { readAccessHistory } from '../../lib/access/readAccessHistory';
import { indexedLogs } from '../../lib/chain/indexedLogs';
import { pagedLogs } from '../../lib/chain/pagedLogs';
import { indexedContractAddresses, readChainConfig } from '../../lib/chain/readChainConfig';
import { DEMO_ACCOUNTS } from '../../lib/wallet/demoAccounts';
import { startAnvil } from './anvil';
import { startIndexer } from './indexer';
import { percentile, timed } from './samples';
import { setupChain } from './setupChain';

const ANVIL_PORT = 8562;
const INDEXER_PORT = 3230;
const PATIENTS = 10;
const GRANTS_PER_PATIENT = 1_000;

/** A grantee address per (patient, n): distinct, and never the patient. */
const grantee = (patient: number, n: number) =>
  `0x${(0xa0000000 + patient * 100_000 + n).toString(16).padStart(40, '0')}` as Hex;

/**
 * The history indexer at scale: 10,000 grants (1,000 by each of ten patients) made on a fresh
 * Anvil, then the indexer started from nothing; how long it takes to hold them all, and how long a
 * patient's history of 1,000 grants takes to read through it and from the chain alone.
 */
export async function benchIndexer(): Promise<string[]> {
  const anvil = await startAnvil({ port: ANVIL_PORT });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ownchart-bench-indexer-'));
  try {
    await setupChain(anvil.rpcUrl);
    const config = readChainConfig({ rpcUrl: anvil.rpcUrl });
    const testClient = createTestClient({ mode: 'anvil', chain: config.chain, transport: http(anvil.rpcUrl) });
    const client = createPublicClient({ chain: config.chain, transport: http(anvil.rpcUrl) });
    // Sent without waiting and mined in blocks, as a busy chain would hold them.
    await testClient.setAutomine(false);
    const patients = DEMO_ACCOUNTS.slice(0, PATIENTS).map((a) => privateKeyToAccount(a.privateKey));
    const sendStarted = performance.now();
    await Promise.all(
      patients.map(async (account, p) => {
        const wallet = createWalletClient({ account, chain: config.chain, transport: http(anvil.rpcUrl) });
        const nonce = await client.getTransactionCount({ address: account.address, blockTag: 'pending' });
        for (let n = 0; n < GRANTS_PER_PATIENT; n++) {
          await wallet.sendTransaction({
            to: config.accessRegistry,
            data: encodeFunctionData({
              abi: accessRegistryAbi,
              functionName: 'grant',
              args: [account.address, grantee(p, n), 1, 1, 0],
            }),
            nonce: nonce + n,
            gas: 300_000n,
            maxFeePerGas: 10_000_000_000n,
            maxPriorityFeePerGas: 1n,
          });
        }
      }),
    );
    for (let pending = true; pending;) {
      await testClient.mine({ blocks: 1 });
      const pool = (await testClient.getTxpoolStatus()) as { pending: number };
      pending = pool.pending > 0;
    }
    await testClient.setAutomine(true);
    const head = Number(await client.getBlockNumber());
    const sentMs = performance.now() - sendStarted;

    const indexStarted = performance.now();
    const indexer = await startIndexer({ rpcUrl: anvil.rpcUrl, port: INDEXER_PORT, dataDir });
    try {
      for (;;) {
        const status = (await (await fetch(`${indexer.url}/status`)).json()) as {
          ownchart?: { block: { number: number } };
        };
        if ((status.ownchart?.block.number ?? 0) >= head) break;
        if (performance.now() - indexStarted > 300_000) throw new Error('the indexer did not catch up in 5 minutes');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const indexedMs = performance.now() - indexStarted;

      const patient = patients[0]!.address;
      const viaIndexer = createPublicClient({
        chain: config.chain,
        transport: indexedLogs(pagedLogs(http(anvil.rpcUrl)), {
          url: indexer.url,
          chainId: config.chain.id,
          addresses: indexedContractAddresses(config).map((c) => c.address),
          report: () => {},
        }),
      }) as PublicClient;
      const viaChain = createPublicClient({
        chain: config.chain,
        transport: pagedLogs(http(anvil.rpcUrl), 1_000n),
      }) as PublicClient;
      const events = (await readAccessHistory(viaIndexer, config, patient)).length;
      const indexed = await timed(20, () => readAccessHistory(viaIndexer, config, patient));
      const chain = await timed(20, () => readAccessHistory(viaChain, config, patient));
      const ms = (v: number) => `${Math.round(v)} ms`;
      return [
        `${PATIENTS * GRANTS_PER_PATIENT} grants in ${head} blocks (sent and mined in ${ms(sentMs)}): indexed from a cold start in ${ms(indexedMs)}, indexer start-up included`,
        `a patient's access history of ${events} events: through the indexer p50 ${ms(percentile(indexed, 50))}, slowest of 20 ${ms(Math.max(...indexed))}; from the chain in pages of 1,000 blocks p50 ${ms(percentile(chain, 50))}`,
      ];
    } finally {
      await indexer.stop();
    }
  } finally {
    await anvil.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
