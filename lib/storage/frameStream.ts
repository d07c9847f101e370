import { concatBytes } from '@noble/hashes/utils.js';
import { DamagedBlobError, type ContentHash } from './BlobStore';
import { DAMAGED, DAMAGED_FRAME_LENGTH, frameHead, frameTrailer } from './blobFrames';

/** Blobs read from the store at once: enough to hide a file or object latency, few enough to bound memory. */
const READ_AHEAD = 16;
/**
 * Bytes gathered before a chunk is sent. A frame per chunk would mean thousands of small writes
 * for a chart (two per record), each a trip through the response stream; this is one per 64 kB.
 */
const CHUNK_BYTES = 64 * 1024;

/**
 * The batch-read answer (lib/storage/blobFrames.ts) for `hashes`, read with `get` a window at a
 * time: a frame per blob found, a damaged frame where `get` throws DamagedBlobError, nothing
 * where it answers null, then the trailer with the number of frames. Any other error ends the
 * stream without a trailer, so the client knows the answer is incomplete.
 */
export function frameStream(
  hashes: readonly ContentHash[],
  get: (hash: ContentHash) => Promise<Uint8Array | null>,
): ReadableStream<Uint8Array> {
  let next = 0;
  let frames = 0;
  const read = (hash: ContentHash) =>
    get(hash).catch((error: unknown) => {
      if (error instanceof DamagedBlobError) return DAMAGED;
      throw error;
    });
  type Window = { blobs: (Uint8Array | null | typeof DAMAGED)[] } | { error: unknown };
  // Settled as a value, never rejected: a window read ahead fails without an unhandled rejection.
  let window: Promise<Window> | null = null;
  const startWindow = () => {
    const slice = hashes.slice(next, next + READ_AHEAD);
    window =
      slice.length > 0
        ? Promise.all(slice.map(read)).then(
            (blobs) => ({ blobs }),
            (error: unknown) => ({ error }),
          )
        : null;
  };
  startWindow();

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const parts: Uint8Array[] = [];
      let size = 0;
      while (window && size < CHUNK_BYTES) {
        const from = next;
        const read = await window;
        if ('error' in read) throw read.error;
        const { blobs } = read;
        next += blobs.length;
        // The next window is read while this one is framed and sent.
        startWindow();
        blobs.forEach((bytes, i) => {
          if (bytes === null) return;
          const hash = hashes[from + i]!;
          frames += 1;
          if (bytes === DAMAGED) {
            parts.push(frameHead(hash, DAMAGED_FRAME_LENGTH));
            return;
          }
          parts.push(frameHead(hash, bytes.length), bytes);
          size += bytes.length;
        });
      }
      if (!window) parts.push(frameTrailer(frames));
      if (parts.length > 0) controller.enqueue(concatBytes(...parts));
      if (!window) controller.close();
    },
    cancel() {
      window = null;
    },
  });
}
