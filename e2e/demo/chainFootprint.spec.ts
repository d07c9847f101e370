import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createPublicClient, decodeFunctionData, http, parseEventLogs, type Hex } from 'viem';
import { foundry } from 'viem/chains';
import { deployments, recordRootsAbi } from '../../contracts-abi';
import { demoAccount } from '../../lib/wallet/demoAccounts';
import { storedRecords } from '../support/storedRecords';
import { E2E_RPC_URL } from '../support/env';

const DEMO_DATA_DIR = 'test-results/demo-data';
const client = createPublicClient({ chain: foundry, transport: http(E2E_RPC_URL) });
const recordRoots = deployments['31337']!.RecordRoots.toLowerCase();

/** Every record blob the storage server holds, for every patient: the hashes a chain must not show. */
function storedContentHashes(): string[] {
  const root = path.join(DEMO_DATA_DIR, 'blobs', 'records');
  return readdirSync(root).flatMap((patient) =>
    readdirSync(path.join(root, patient)).flatMap((shard) =>
      readdirSync(path.join(root, patient, shard)).filter((name) => /^[0-9a-f]{64}$/.test(name)),
    ),
  );
}

test('after the demo is seeded, the chain shows no content hash, record category or record count', async () => {
  const hashes = storedContentHashes();
  expect(hashes.length).toBeGreaterThan(250);

  const latest = await client.getBlockNumber();
  const inputs: { to: string | null; input: Hex }[] = [];
  for (let n = 0n; n <= latest; n++) {
    const block = await client.getBlock({ blockNumber: n, includeTransactions: true });
    for (const tx of block.transactions) inputs.push({ to: tx.to, input: tx.input });
  }
  const logs = await client.getLogs({ fromBlock: 0n, toBlock: latest });
  const everything = [...inputs.map((i) => i.input), ...logs.map((l) => l.data), ...logs.flatMap((l) => l.topics)]
    .join('')
    .toLowerCase();
  for (const hash of hashes) expect(everything, `content hash ${hash} is on-chain`).not.toContain(hash);

  // Anchoring sends a patient and a root, nothing per record: no category, no count.
  const anchoring = inputs.filter((i) => i.to?.toLowerCase() === recordRoots);
  expect(anchoring.length).toBeGreaterThan(0);
  for (const { input } of anchoring) {
    expect(decodeFunctionData({ abi: recordRootsAbi, data: input }).functionName).toBe('anchor');
    expect((input.length - 2) / 2).toBe(4 + 32 + 32);
  }
  const events = parseEventLogs({ abi: recordRootsAbi, logs: logs.filter((l) => l.address === recordRoots) });
  expect(events.every((e) => e.eventName === 'RecordsAnchored')).toBe(true);

  // The demo patient has hundreds of records in a handful of anchors: the chain cannot count them.
  const patient = demoAccount('Patient').address;
  const { anchors, records } = await storedRecords(client as never, DEMO_DATA_DIR, patient);
  expect(records.length).toBeGreaterThan(250);
  expect(anchors.length).toBeLessThan(10);
});
