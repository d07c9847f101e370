import { appendFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyEnvelope } from '../vault/keyEnvelope';
import { FsKeyEnvelopeStore } from './FsKeyEnvelopeStore';

const patient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const sam = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const priya = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const envelope = (recipient: `0x${string}`, category: number, version = 0, box = 'AAAA'): KeyEnvelope => ({
  recipient,
  category,
  version,
  box,
});

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ownchart-envelopes-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('FsKeyEnvelopeStore', () => {
  it('keeps envelopes across instances (restarts) and lists them per recipient', async () => {
    await new FsKeyEnvelopeStore(root).add(patient, [envelope(sam, 0), envelope(priya, 4)]);
    const reopened = new FsKeyEnvelopeStore(root);
    expect(await reopened.list(patient)).toHaveLength(2);
    expect(await reopened.list(patient, sam)).toEqual([envelope(sam, 0)]);
    expect(await reopened.list(sam)).toEqual([]);
  });

  it('replaces an envelope for the same recipient, category and version', async () => {
    const store = new FsKeyEnvelopeStore(root);
    await store.add(patient, [envelope(sam, 0, 0, 'old')]);
    await store.add(patient, [envelope(sam, 0, 0, 'new'), envelope(sam, 0, 1)]);
    expect(await store.list(patient, sam)).toEqual([envelope(sam, 0, 0, 'new'), envelope(sam, 0, 1)]);
  });

  it('loses nothing when many adds race, and keeps one file per patient', async () => {
    const store = new FsKeyEnvelopeStore(root);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.add(patient, [envelope(sam, i % 9, i)])));
    expect(await store.list(patient)).toHaveLength(20);
    expect(await readdir(root)).toEqual([`${patient.toLowerCase()}.ndjson`]);
  });

  it('appends what each add brings instead of rewriting the file (linear, not quadratic)', async () => {
    const store = new FsKeyEnvelopeStore(root);
    const file = path.join(root, `${patient.toLowerCase()}.ndjson`);
    await store.add(patient, [envelope(sam, 0)]);
    const first = (await stat(file)).size;
    for (let i = 1; i < 50; i++) await store.add(patient, [envelope(sam, 0, i)]);
    // Fifty adds of one envelope each: fifty lines of about the same size.
    expect((await stat(file)).size).toBeLessThan(first * 55);
    expect(await store.list(patient)).toHaveLength(50);
  });

  it('ignores a line cut short by a crash mid-append', async () => {
    const store = new FsKeyEnvelopeStore(root);
    await store.add(patient, [envelope(sam, 0)]);
    await appendFile(path.join(root, `${patient.toLowerCase()}.ndjson`), '{"recipient":"0x3C');
    await store.add(patient, [envelope(priya, 4)]);
    expect(await store.list(patient)).toEqual([envelope(sam, 0), envelope(priya, 4)]);
  });
});
