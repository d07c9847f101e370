import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DamagedBlobError, recordScope } from './BlobStore';
import { FsBlobStore } from './FsBlobStore';
import { sha256Hex } from './sha256Hex';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ownchart-blobs-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const bytes = new TextEncoder().encode('ciphertext bytes');
const alice = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const mallory = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const scope = recordScope(alice);

describe('FsBlobStore', () => {
  it('stores by SHA-256 with its binding and reads back, surviving a new instance (restart)', async () => {
    const { hash, created } = await new FsBlobStore(root).put(scope, bytes, { uploader: alice, category: 3 });
    expect(created).toBe(true);
    expect(hash).toBe('0x' + Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex'));
    const reopened = new FsBlobStore(root);
    expect(await reopened.get(scope, hash)).toEqual(bytes);
    expect(await reopened.binding(scope, hash)).toMatchObject({ scope, uploader: alice, category: 3 });
  });

  it('serves a blob only from the scope it was stored in', async () => {
    const store = new FsBlobStore(root);
    const { hash } = await store.put(scope, bytes, { uploader: alice, category: 3 });
    expect(await store.get(recordScope(mallory), hash)).toBeNull();
    expect(await store.binding(recordScope(mallory), hash)).toBeNull();
  });

  it('keeps the first binding when the same bytes are stored again, and leaves no temporary files', async () => {
    const store = new FsBlobStore(root);
    await store.put(scope, bytes, { uploader: alice, category: 3 });
    const again = await store.put(scope, bytes, { uploader: mallory, category: 5 });
    expect(again.created).toBe(false);
    expect(await store.binding(scope, again.hash)).toMatchObject({ uploader: alice, category: 3 });
    const files = await readdir(root, { recursive: true });
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('returns null for unknown content and refuses malformed hashes and scopes', async () => {
    const store = new FsBlobStore(root);
    expect(await store.get(scope, sha256Hex(new Uint8Array([1])))).toBeNull();
    await expect(store.get(scope, '0x../../etc/passwd' as `0x${string}`)).rejects.toThrow(RangeError);
    await expect(store.get('records/../../etc', sha256Hex(bytes))).rejects.toThrow(RangeError);
  });

  it('refuses to serve a blob altered on disk, naming it', async () => {
    const store = new FsBlobStore(root);
    const { hash } = await store.put(scope, bytes, { uploader: alice, category: 3 });
    await writeFile(path.join(root, 'records', alice.toLowerCase(), hash.slice(2, 4), hash.slice(2)), 'tampered');
    await expect(store.get(scope, hash)).rejects.toThrow(DamagedBlobError);
  });

  it('never serves a blob without its binding, and completes a store a crash cut short', async () => {
    const store = new FsBlobStore(root);
    const { hash } = await store.put(scope, bytes, { uploader: alice, category: 3 });
    const file = path.join(root, 'records', alice.toLowerCase(), hash.slice(2, 4), hash.slice(2));
    // A crash between the binding's rename and the blob's: the binding alone.
    await rm(file);
    expect(await store.get(scope, hash)).toBeNull();
    await store.put(scope, bytes, { uploader: mallory, category: 5 });
    expect(await store.get(scope, hash)).toEqual(bytes);
    expect(await store.binding(scope, hash)).toMatchObject({ uploader: alice, category: 3 });
  });

  it('deletes a blob with its binding', async () => {
    const store = new FsBlobStore(root);
    const { hash } = await store.put(scope, bytes, { uploader: alice, category: 3 });
    await store.delete(scope, hash);
    expect(await store.get(scope, hash)).toBeNull();
    expect(await store.binding(scope, hash)).toBeNull();
  });
});
