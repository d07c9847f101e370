import { bytesToHex, hexToBytes } from 'viem';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentHash } from '../storage/BlobStore';
import { demoAccount } from '../wallet/demoAccounts';
import { buildRecordManifest, parseRecordManifest, proveLeaves } from './recordTree';
import { chartView } from '../fhir/chartView';
import { deriveCategoryKey } from './categoryKeys';
import { openRecords, type Keyring } from './openRecords';
import { sealRecord } from './sealRecord';
import { sha256Hex } from '../storage/sha256Hex';
import { verifyImports, type VerifiedRecord } from './verifyImports';

const patient = demoAccount('Patient').address;
const readable = new Set([4]);
const manifest = buildRecordManifest({
  patient,
  author: patient,
  records: [4, 4, 7].map((category) => ({
    contentHash: bytesToHex(crypto.getRandomValues(new Uint8Array(32))) as ContentHash,
    category,
  })),
});
const { tree } = parseRecordManifest(JSON.parse(JSON.stringify(manifest)), { patient, author: patient });
const anchors = [{ root: manifest.root, author: patient, writeScope: 0xffffffff, anchoredAt: 1_800_000_000 }];
const imports = [proveLeaves(manifest, tree, (leaf) => readable.has(leaf.category))!];
const expected = verifyImports(anchors, imports, { patient, readable });

/** A Worker stand-in that runs the real worker module's message handler, as a browser would. */
class InPageWorker {
  static started: InPageWorker[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  private handler: Promise<(event: { data: unknown }) => void>;
  constructor() {
    InPageWorker.started.push(this);
    const scope = {
      onmessage: null as ((event: { data: unknown }) => void) | null,
      postMessage: (reply: unknown) => this.onmessage?.({ data: structuredClone(reply) }),
    };
    vi.stubGlobal('self', scope);
    vi.resetModules();
    this.handler = import('./vault.worker').then(() => scope.onmessage!);
  }
  postMessage(data: unknown) {
    void this.handler.then((handle) => handle({ data: structuredClone(data) }));
  }
  terminate() {
    this.terminated = true;
  }
}

/** The module as a page loads it, with no worker started yet. */
async function freshModule() {
  vi.resetModules();
  return import('./offThread');
}

afterEach(() => {
  vi.unstubAllGlobals();
  InPageWorker.started = [];
});

describe('verifyImportsOffThread', () => {
  it('checks in place where there are no workers (Node), with the same answer', async () => {
    expect(await (await freshModule()).verifyImportsOffThread(anchors, imports, { patient, readable })).toEqual(
      expected,
    );
  });

  it('gives the checks to one worker, started ahead of need, and returns each its own answer', async () => {
    vi.stubGlobal('Worker', InPageWorker);
    const { startVaultWorker, verifyImportsOffThread: offThread } = await freshModule();
    startVaultWorker();
    const other = new Set([7]);
    const [answer, second] = await Promise.all([
      offThread(anchors, imports, { patient, readable }),
      offThread(anchors, imports, { patient, readable: other }),
    ]);
    expect(answer).toEqual(expected);
    expect(answer.records).toHaveLength(2);
    expect(second).toEqual(verifyImports(anchors, imports, { patient, readable: other }));
    expect(InPageWorker.started).toHaveLength(1);
  });

  it('fails as checking in place fails when the check throws, rather than never answering', async () => {
    const malformed = [null] as unknown as typeof imports;
    const inPlace = await Promise.resolve()
      .then(() => verifyImports(anchors, malformed, { patient, readable }))
      .catch((error: Error) => error.message);
    expect(typeof inPlace).toBe('string');
    vi.stubGlobal('Worker', InPageWorker);
    const { verifyImportsOffThread: offThread } = await freshModule();
    await expect(offThread(anchors, malformed, { patient, readable })).rejects.toThrow(inPlace as string);
  });

  it('still answers, in place, when the worker cannot start or fails', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('blocked by the page');
        }
      },
    );
    expect(await (await freshModule()).verifyImportsOffThread(anchors, imports, { patient, readable })).toEqual(
      expected,
    );
    vi.stubGlobal(
      'Worker',
      class {
        onerror: (() => void) | null = null;
        postMessage() {
          setTimeout(() => this.onerror?.(), 0);
        }
        terminate() {}
      },
    );
    expect(await (await freshModule()).verifyImportsOffThread(anchors, imports, { patient, readable })).toEqual(
      expected,
    );
  });
});

describe('openChartOffThread', () => {
  const patientKey = hexToBytes(demoAccount('Patient').privateKey);
  const sealed = async (text: string, category: number, version: number) => {
    const bytes = await sealRecord(
      { resourceType: 'Observation', status: 'final', code: { text } },
      deriveCategoryKey(patientKey, category, version),
      { category, keyVersion: version },
    );
    const record: VerifiedRecord = {
      root: manifest.root,
      contentHash: sha256Hex(bytes),
      category,
      author: patient,
      anchoredAt: 1,
    };
    return { record, bytes };
  };

  it('opens in the worker exactly what opening in place opens, with its chart, asking the keyring once per key', async () => {
    vi.stubGlobal('Worker', InPageWorker);
    const items = await Promise.all([
      sealed('Heart rate', 4, 0),
      sealed('Weight', 4, 0),
      sealed('Sealed under a key never given', 4, 1),
      sealed('Under a key that fails to open', 7, 0),
    ]);
    const records = items.map((i) => i.record);
    const blobs = new Map<ContentHash, Uint8Array | 'damaged'>(items.map((i) => [i.record.contentHash, i.bytes]));
    const missing = (await sealed('Not served', 4, 0)).record;
    const asked: string[] = [];
    const keyring: Keyring = async (category, version) => {
      asked.push(`${category}/${version}`);
      if (category === 7) throw new Error('envelope does not open');
      return version === 0 ? deriveCategoryKey(patientKey, category, version) : null;
    };
    const { openChartOffThread } = await freshModule();
    const { records: opened, chart } = await openChartOffThread([...records, missing], { blobs, keyring, patient });
    expect(InPageWorker.started).toHaveLength(1);
    expect(opened.map((r) => r.problem)).toEqual([null, null, 'no-key', 'unreadable', 'missing']);
    expect(opened[1]!.resource).toMatchObject({ code: { text: 'Weight' } });
    expect(chart).toEqual(chartView(opened, patient));
    expect(asked.sort()).toEqual(['4/0', '4/1', '7/0']);
    const inPlace = await openRecords([...records, missing], { blobs, keyring });
    expect(opened).toEqual(inPlace);
  });
});
