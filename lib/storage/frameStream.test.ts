import { describe, expect, it } from 'vitest';
import { DamagedBlobError, type ContentHash } from './BlobStore';
import { DAMAGED, parseFrames } from './blobFrames';
import { frameStream } from './frameStream';
import { sha256Hex } from './sha256Hex';

const blob = (i: number, size = 3_000) => new Uint8Array(size).fill(i % 256);
const stored = Array.from({ length: 300 }, (_, i) => {
  const bytes = blob(i);
  bytes[0] = i >> 8;
  bytes[1] = i & 0xff;
  return { hash: sha256Hex(bytes), bytes };
});
const byHash = new Map(stored.map((s) => [s.hash, s.bytes]));

async function drain(stream: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return { chunks, body: new Uint8Array(Buffer.concat(chunks)) };
}

describe('the batch-read stream', () => {
  it('sends every blob in order, in few large chunks rather than two writes per record', async () => {
    const hashes = stored.map((s) => s.hash);
    const { chunks, body } = await drain(frameStream(hashes, async (hash) => byHash.get(hash) ?? null));
    const blobs = parseFrames(body);
    expect([...blobs.keys()]).toEqual(hashes);
    expect(blobs.get(hashes[299]!)).toEqual(stored[299]!.bytes);
    // 300 records of 3 kB: about 900 kB, so about 15 chunks of 64 kB, not 600 writes.
    expect(chunks.length).toBeLessThanOrEqual(20);
  });

  it('marks a damaged blob, skips one the store does not hold, and counts what it sent', async () => {
    const [first, second, third] = stored;
    const missing = ('0x' + 'ab'.repeat(32)) as ContentHash;
    const { body } = await drain(
      frameStream([first!.hash, second!.hash, missing, third!.hash], async (hash) => {
        if (hash === second!.hash) throw new DamagedBlobError(hash);
        return byHash.get(hash) ?? null;
      }),
    );
    const blobs = parseFrames(body);
    expect([...blobs.entries()]).toEqual([
      [first!.hash, first!.bytes],
      [second!.hash, DAMAGED],
      [third!.hash, third!.bytes],
    ]);
  });

  it('reads large blobs one at a time, so a window of them never holds much more than one', async () => {
    const large = Array.from({ length: 6 }, (_, i) => {
      const bytes = new Uint8Array(2 * 1024 * 1024).fill(i);
      return { hash: sha256Hex(bytes), bytes };
    });
    const sizes = new Map(large.map((l) => [l.hash, l.bytes]));
    let reading = 0;
    const atOnce: number[] = [];
    const stream = frameStream(
      large.map((l) => l.hash),
      async (hash) => {
        reading += 1;
        atOnce.push(reading);
        await new Promise((resolve) => setTimeout(resolve, 1));
        reading -= 1;
        return sizes.get(hash)!;
      },
    );
    expect(parseFrames((await drain(stream)).body).size).toBe(6);
    // The first window (4) is read before any size is known; after that, one 2 MB blob at a time.
    expect(atOnce).toEqual([1, 2, 3, 4, 1, 1]);
  });

  it('stops reading once the reader goes away', async () => {
    let reads = 0;
    const stream = frameStream(
      stored.map((s) => s.hash),
      async (hash) => {
        reads += 1;
        return byHash.get(hash)!;
      },
    );
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    const afterCancel = reads;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toBe(afterCancel);
    expect(reads).toBeLessThan(stored.length);
  });

  it('answers nothing asked with the trailer alone', async () => {
    expect(parseFrames((await drain(frameStream([], async () => null))).body).size).toBe(0);
  });

  it('ends without a trailer when the store fails, so the reader knows the answer is incomplete', async () => {
    const hashes = stored.map((s) => s.hash);
    const failing = frameStream(hashes, async (hash) => {
      if (hash === hashes[200]) throw new Error('disk unplugged');
      return byHash.get(hash)!;
    });
    await expect(drain(failing)).rejects.toThrow('disk unplugged');
  });
});
