import { describe, expect, it } from 'vitest';
import type { ContentHash } from '../storage/BlobStore';
import { withLateRecords } from './lateRecords';

const hash = (i: number) => `0x${i.toString(16).padStart(64, '0')}` as ContentHash;
const bytes = new Uint8Array([1]);

describe('withLateRecords', () => {
  it('asks nothing more when the whole-chart answer holds every proven record', async () => {
    const asked: number[] = [];
    const blobs = new Map([[hash(1), bytes]]);
    await withLateRecords(blobs, [{ contentHash: hash(1) }], async (hashes) => {
      asked.push(hashes.length);
      return new Map();
    });
    expect(asked).toEqual([]);
  });

  it('asks for proven records the first answer lacked by hash, 250 at a time, and keeps what comes', async () => {
    const proven = Array.from({ length: 600 }, (_, i) => ({ contentHash: hash(i) }));
    const first = new Map<ContentHash, Uint8Array | 'damaged'>([[hash(0), bytes]]);
    const asked: number[] = [];
    const merged = await withLateRecords(first, proven, async (hashes) => {
      asked.push(hashes.length);
      // The server sends all but one: that one stays missing.
      return new Map(hashes.filter((h) => h !== hash(599)).map((h) => [h, bytes]));
    });
    expect(asked).toEqual([250, 250, 99]);
    expect(merged.size).toBe(599);
    expect(merged.has(hash(599))).toBe(false);
  });
});
