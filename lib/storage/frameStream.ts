import { concatBytes } from '@noble/hashes/utils.js';
import { DamagedBlobError, type ContentHash } from './BlobStore';
import { DAMAGED, DAMAGED_FRAME_LENGTH, frameHead, frameTrailer } from './blobFrames';

/** Most blobs read from the store at once: enough to hide a file's or an object's latency. */
const READ_AHEAD = 16;
/** Blobs read at first, before their size is known. */
const FIRST_WINDOW = 4;
/**
 * Bytes a window of blobs read ahead may hold, judged by the largest blob seen so far: a chart of
 * small records reads 16 at a time, one of 2 MB records one at a time.
 */
const READ_AHEAD_BYTES = 1024 * 1024;
/**
 * Bytes gathered before a chunk is sent. Two writes per record (head, then blob) meant thousands
 * of small writes for a chart, each a trip through the response stream; this is one per 64 kB
 * or per window read, whichever is larger.
 */
const CHUNK_BYTES = 64 * 1024;

type Read = Uint8Array | null | typeof DAMAGED;
/** A window's reads, settled as a value: a window read ahead fails without an unhandled rejection. */
type Window = { from: number; blobs: Read[] } | { error: unknown };

/**
 * The batch-read answer (lib/storage/blobFrames.ts) for `hashes`, read with `get` a window at a
 * time while the previous one is sent: a frame per blob found, a damaged frame where `get` throws
 * DamagedBlobError, nothing where it answers null, then the trailer with the number of frames.
 * Any other error ends the stream without a trailer, so the client knows the answer is
 * incomplete. In memory at once: about one chunk being sent and one window being read (about
 * 1 MB each, or one blob where a blob is larger).
 */
export function frameStream(
  hashes: readonly ContentHash[],
  get: (hash: ContentHash) => Promise<Uint8Array | null>,
): ReadableStream<Uint8Array> {
  let next = 0;
  let frames = 0;
  let largest = 0;
  let cancelled = false;
  const read = (hash: ContentHash): Promise<Read> =>
    get(hash).catch((error: unknown) => {
      if (error instanceof DamagedBlobError) return DAMAGED;
      throw error;
    });
  const startWindow = (): Promise<Window> | null => {
    if (cancelled || next >= hashes.length) return null;
    const size = largest === 0 ? FIRST_WINDOW : Math.floor(READ_AHEAD_BYTES / largest);
    const from = next;
    const slice = hashes.slice(from, from + Math.min(READ_AHEAD, Math.max(1, size)));
    next += slice.length;
    return Promise.all(slice.map(read)).then(
      (blobs) => ({ from, blobs }),
      (error: unknown) => ({ error }),
    );
  };
  let window = startWindow();

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const parts: Uint8Array[] = [];
      let size = 0;
      while (window && size < CHUNK_BYTES) {
        const done = await window;
        if ('error' in done) throw done.error;
        for (const bytes of done.blobs) {
          if (bytes instanceof Uint8Array) largest = Math.max(largest, bytes.length);
        }
        // The next window is read while this one is framed and sent.
        window = startWindow();
        done.blobs.forEach((bytes, i) => {
          if (bytes === null) return;
          const hash = hashes[done.from + i]!;
          frames += 1;
          if (bytes === DAMAGED) {
            parts.push(frameHead(hash, DAMAGED_FRAME_LENGTH));
            return;
          }
          parts.push(frameHead(hash, bytes.length), bytes);
          size += bytes.length;
        });
      }
      if (cancelled) return;
      if (!window) parts.push(frameTrailer(frames));
      if (parts.length > 0) controller.enqueue(concatBytes(...parts));
      if (!window) controller.close();
    },
    cancel() {
      // The reader went away: read nothing more.
      cancelled = true;
      window = null;
    },
  });
}
