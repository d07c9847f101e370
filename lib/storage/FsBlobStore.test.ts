import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsBlobStore } from './FsBlobStore';
import { sha256Hex } from './sha256Hex';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ownchart-blobs-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const bytes = new TextEncoder().encode('ciphertext bytes');

describe('FsBlobStore', () => {
  it('stores by SHA-256 and reads back, surviving a new instance (restart)', async () => {
    const hash = await new FsBlobStore(root).put(bytes);
    expect(hash).toBe(sha256Hex(bytes));
    expect(hash).toBe('0x' + Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex'));
    expect(await new FsBlobStore(root).get(hash)).toEqual(bytes);
  });

  it('does not store the same content twice and leaves no temporary files', async () => {
    const store = new FsBlobStore(root);
    await store.put(bytes);
    await store.put(bytes);
    const files = await readdir(root, { recursive: true });
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((f) => !f.includes(path.sep) && f.length > 2)).toEqual([]);
    expect(files).toHaveLength(2); // one fan-out directory, one blob
  });

  it('returns null for unknown content and refuses malformed hashes', async () => {
    const store = new FsBlobStore(root);
    expect(await store.get(sha256Hex(new Uint8Array([1])))).toBeNull();
    await expect(store.get('0x../../etc/passwd' as `0x${string}`)).rejects.toThrow(RangeError);
  });

  it('refuses to serve a blob altered on disk', async () => {
    const store = new FsBlobStore(root);
    const hash = await store.put(bytes);
    await writeFile(path.join(root, hash.slice(2, 4), hash.slice(2)), 'tampered');
    await expect(store.get(hash)).rejects.toThrow(/does not match/);
  });
});
