import type { Address } from 'viem';
import type { ContentHash } from '../storage/BlobStore';
import type { Keyring } from './openRecords';
import type { RecordAnchor } from './readRecordAnchors';
import type { LeafProof } from './recordTree';
import type { VaultReply, VaultRequest } from './vault.worker';
import { resolveKeys, runVaultJob, type OpenedChart, type VaultJob, type VaultJobResult } from './vaultJobs';
import type { VerifiedImports, VerifiedRecord } from './verifyImports';

type Pending = {
  resolve: (result: VaultJobResult) => void;
  reject: (error: Error) => void;
  inPlace: () => Promise<VaultJobResult>;
};
type VaultWorker = { worker: Worker; pending: Map<number, Pending> };

let shared: VaultWorker | null = null;
let nextId = 0;

/** The page's vault worker, started once; null where there are none or it cannot start. */
function vaultWorker(): VaultWorker | null {
  if (shared) return shared;
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./vault.worker.ts', import.meta.url));
  } catch {
    return null;
  }
  const started: VaultWorker = { worker, pending: new Map() };
  worker.onmessage = ({ data }: MessageEvent<VaultReply>) => {
    const pending = started.pending.get(data.id);
    started.pending.delete(data.id);
    if ('error' in data) pending?.reject(new Error(data.error));
    else pending?.resolve(data.result);
  };
  // A worker that cannot load or run (blocked, out of memory), or a reply that cannot be read,
  // costs speed, not the answer: what it was given is done in place, and the next job starts a
  // new one.
  const fail = () => {
    if (shared === started) shared = null;
    worker.terminate();
    for (const { resolve, reject, inPlace } of started.pending.values()) void inPlace().then(resolve, reject);
    started.pending.clear();
  };
  worker.onerror = fail;
  worker.onmessageerror = fail;
  shared = started;
  return started;
}

/**
 * Starts the worker before it is needed (while the person unlocks): loading and compiling it took
 * longer than the proof check itself.
 */
export function startVaultWorker(): void {
  vaultWorker();
}

/** `job` in the worker where the platform has one (a browser); in place elsewhere or if it fails. */
function runOffThread(job: VaultJob): Promise<VaultJobResult> {
  const inPlace = () => runVaultJob(job);
  const running = vaultWorker();
  if (!running) return inPlace();
  const id = nextId++;
  return new Promise<VaultJobResult>((resolve, reject) => {
    running.pending.set(id, { resolve, reject, inPlace });
    const request: VaultRequest = { id, job };
    running.worker.postMessage(request);
  });
}

/** verifyImports, off the main thread. */
export async function verifyImportsOffThread(
  anchors: readonly RecordAnchor[],
  imports: readonly LeafProof[],
  { patient, readable }: { patient: Address; readable: ReadonlySet<number> },
): Promise<VerifiedImports> {
  return (await runOffThread({
    kind: 'verify',
    anchors: [...anchors],
    imports: [...imports],
    patient,
    readable: [...readable],
  })) as VerifiedImports;
}

/**
 * openRecords and the chart made of them (lib/fhir/chartView), off the main thread: the few
 * category keys the records need are asked of `keyring` here first, and only those keys go to
 * the worker with the blobs.
 */
export async function openChartOffThread(
  records: readonly VerifiedRecord[],
  {
    blobs,
    keyring,
    patient,
  }: { blobs: ReadonlyMap<ContentHash, Uint8Array | 'damaged'>; keyring: Keyring; patient: Address },
): Promise<OpenedChart> {
  const keys = await resolveKeys(records, blobs, keyring);
  return (await runOffThread({
    kind: 'open',
    records: [...records],
    blobs: new Map(blobs),
    keys,
    patient,
  })) as OpenedChart;
}
