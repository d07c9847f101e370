import type { Address } from 'viem';
import type { RecordAnchor } from './readRecordAnchors';
import type { LeafProof } from './recordTree';
import { verifyImports, type VerifiedImports } from './verifyImports';
import type { VerifyReply, VerifyRequest } from './verifyImports.worker';

type Pending = { resolve: (result: VerifiedImports) => void; inPlace: () => VerifiedImports };
type ProofWorker = { worker: Worker; pending: Map<number, Pending> };

let shared: ProofWorker | null = null;
let nextId = 0;

/** The page's proof-checking worker, started once; null where there are none or it cannot start. */
function proofWorker(): ProofWorker | null {
  if (shared) return shared;
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./verifyImports.worker.ts', import.meta.url));
  } catch {
    return null;
  }
  const started: ProofWorker = { worker, pending: new Map() };
  worker.onmessage = ({ data }: MessageEvent<VerifyReply>) => {
    started.pending.get(data.id)?.resolve(data.result);
    started.pending.delete(data.id);
  };
  // A worker that cannot load or run (blocked, out of memory) costs speed, not the answer: what it
  // was given is checked in place, and the next check starts a new one.
  worker.onerror = () => {
    if (shared === started) shared = null;
    worker.terminate();
    for (const { resolve, inPlace } of started.pending.values()) resolve(inPlace());
    started.pending.clear();
  };
  shared = started;
  return started;
}

/**
 * Starts the worker before it is needed (while the person unlocks): loading and compiling it took
 * longer than the check itself.
 */
export function startProofWorker(): void {
  proofWorker();
}

/**
 * verifyImports, in a Web Worker where the platform has them (a browser), so a large chart's proof
 * check never holds the main thread; in place elsewhere (Node, tests), or if the worker cannot
 * start or run. The same function either way: the worker only moves where it runs.
 */
export async function verifyImportsOffThread(
  anchors: readonly RecordAnchor[],
  imports: readonly LeafProof[],
  { patient, readable }: { patient: Address; readable: ReadonlySet<number> },
): Promise<VerifiedImports> {
  const inPlace = () => verifyImports(anchors, imports, { patient, readable });
  const running = proofWorker();
  if (!running) return inPlace();
  const id = nextId++;
  return new Promise<VerifiedImports>((resolve) => {
    running.pending.set(id, { resolve, inPlace });
    const request: VerifyRequest = {
      id,
      anchors: [...anchors],
      imports: [...imports],
      patient,
      readable: [...readable],
    };
    running.worker.postMessage(request);
  });
}
