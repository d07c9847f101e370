import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyDisclosureLog, type Disclosure } from './disclosureChain';
import { FsDisclosureLog } from './FsDisclosureLog';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ownchart-disclosures-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const read = (patient: `0x${string}`, i: number): Disclosure => ({
  patient,
  reader: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  kind: 'record',
  category: 0,
  contentHash: `0x${i.toString(16).padStart(64, '0')}`,
  basis: 'grant',
  at: i,
});
const maria = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const ana = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';

describe('FsDisclosureLog', () => {
  it('keeps one unbroken chain across concurrent appends and restarts', async () => {
    const log = new FsDisclosureLog(dir);
    await Promise.all(Array.from({ length: 10 }, (_, i) => log.append([read(i % 2 ? maria : ana, i)])));
    const restarted = new FsDisclosureLog(dir);
    await restarted.append([read(maria, 10), read(maria, 11)]);
    const entries = await restarted.entries();
    expect(entries).toHaveLength(12);
    expect(verifyDisclosureLog(entries, [{ count: 12, head: (await restarted.head())!.hash }])).toMatchObject({
      ok: true,
    });
  });

  it('shows a patient only their own disclosures, newest first', async () => {
    const log = new FsDisclosureLog(dir);
    await log.append([read(maria, 1), read(ana, 2), read(maria, 3)]);
    expect((await log.forPatient(maria)).map((e) => e.at)).toEqual([3, 1]);
  });
});
