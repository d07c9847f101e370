import { bytesToHex } from 'viem';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentHash } from '../storage/BlobStore';
import { demoAccount } from '../wallet/demoAccounts';
import { buildRecordManifest, parseRecordManifest, proveLeaves } from './recordTree';
import { verifyImports } from './verifyImports';

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
    this.handler = import('./verifyImports.worker').then(() => scope.onmessage!);
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
  return import('./verifyImportsOffThread');
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
    const { startProofWorker, verifyImportsOffThread: offThread } = await freshModule();
    startProofWorker();
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
