import { keccak256, toHex, zeroHash, type PublicClient } from 'viem';
import { describe, expect, it } from 'vitest';
import { OwnChartError } from '../errors/OwnChartError';
import { demoAccount } from '../wallet/demoAccounts';
import { nextHead, readRecordAnchors, type RecordAnchor } from './readRecordAnchors';

const patient = demoAccount('Patient').address;
const config = { recordRoots: demoAccount('Researcher').address, deployBlock: 0n };
const anchors: RecordAnchor[] = [1, 2, 3].map((i) => ({
  root: keccak256(toHex(`import ${i}`)),
  author: patient,
  writeScope: 0xffffffff,
  anchoredAt: 1_800_000_000 + i,
}));
const headOf = (list: readonly RecordAnchor[]) => list.reduce(nextHead, zeroHash);

/** An RPC node holding `onChain`, that answers logs with `served` (a node that drops or invents). */
function node(onChain: readonly RecordAnchor[], served: readonly RecordAnchor[] = onChain, block = 10n) {
  const calls = { logs: 0 };
  const client = {
    getBlockNumber: async () => block,
    readContract: async () => headOf(onChain),
    getContractEvents: async () => {
      calls.logs += 1;
      return served.map((a) => ({ args: a }));
    },
  } as unknown as PublicClient;
  return { client, calls };
}

describe('reading a patient’s anchors from the chain', () => {
  it('returns every root in order when the events add up to the contract’s head', async () => {
    const { client } = node(anchors);
    const read = await readRecordAnchors(client, config, patient);
    expect(read.anchors).toEqual(anchors);
    expect(read.head).toBe(headOf(anchors));
  });

  it('refuses a node that drops, reorders or invents an anchor: never a partial chart', async () => {
    for (const served of [anchors.slice(1), [anchors[1]!, anchors[0]!, anchors[2]!], [...anchors, anchors[0]!]]) {
      await expect(readRecordAnchors(node(anchors, served).client, config, patient)).rejects.toThrow(OwnChartError);
    }
    const relabelled = anchors.map((a, i) => (i === 0 ? { ...a, writeScope: 1 } : a));
    await expect(readRecordAnchors(node(anchors, relabelled).client, config, patient)).rejects.toThrow(/incomplete/);
  });

  it('asks for no logs at all when the head has not moved since the last read', async () => {
    const known = await readRecordAnchors(node(anchors).client, config, patient);
    const { client, calls } = node(anchors);
    expect((await readRecordAnchors(client, config, patient, known)).anchors).toEqual(anchors);
    expect(calls.logs).toBe(0);
    // And reads only what is new when it has: the node serves only the newer events.
    const later = [...anchors, { ...anchors[0]!, root: keccak256(toHex('import 4')) }];
    const since = node(later, later.slice(3), 11n);
    expect((await readRecordAnchors(since.client, config, patient, known)).anchors).toEqual(later);
  });

  it('reads the whole chain again when it no longer extends what was known (a reorganisation)', async () => {
    const known = await readRecordAnchors(node(anchors).client, config, patient);
    const reorganised = [anchors[0]!, { ...anchors[1]!, root: keccak256(toHex('another import')) }];
    const { client, calls } = node(reorganised);
    expect((await readRecordAnchors(client, config, patient, known)).anchors).toEqual(reorganised);
    expect(calls.logs).toBe(1);
    // A node now behind the block that was known (reverted): read again from the start.
    const reverted = node(anchors.slice(0, 1), anchors.slice(0, 1), 5n);
    expect((await readRecordAnchors(reverted.client, config, patient, known)).anchors).toEqual(anchors.slice(0, 1));
  });
});
