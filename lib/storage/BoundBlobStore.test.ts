import { CreateMultipartUploadCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { openDatabase, type ServerDatabase } from '../db/openDatabase';
import { emptyDatabase } from '../db/testing/emptyDatabase';
import { DamagedBlobError, recordScope } from './BlobStore';
import { BoundBlobStore } from './BoundBlobStore';
import { FsObjectStore } from './FsObjectStore';
import type { ObjectStore } from './ObjectStore';
import { S3ObjectStore } from './S3ObjectStore';
import { sha256Hex } from './sha256Hex';

const bytes = new TextEncoder().encode('ciphertext bytes');
const alice = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const mallory = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const scope = recordScope(alice);
const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

let root: string;
/** Each driver with a way to overwrite an object behind the store's back (disk damage, a bad store). */
const DRIVERS: { name: string; open: () => ObjectStore; overwrite: (key: string, bytes: string) => Promise<void> }[] = [
  {
    name: 'files',
    open: () => new FsObjectStore(root),
    overwrite: (key, text) => writeFile(path.join(root, ...key.split('/')), text),
  },
  {
    name: 'S3 (s3rver)',
    open: () =>
      new S3ObjectStore({
        ...inject('s3'),
        region: 'us-east-1',
        credentials: S3_CREDENTIALS,
        partBytes: 5 * 1024 * 1024,
      }),
    overwrite: (key, text) =>
      new S3ObjectStore({ ...inject('s3'), region: 'us-east-1', credentials: S3_CREDENTIALS }).put(
        key,
        new TextEncoder().encode(text),
      ),
  },
];

let db: ServerDatabase;
beforeAll(async () => {
  db = await openDatabase({ dataDir: null });
});
afterAll(() => db?.destroy());
beforeEach(async () => {
  await emptyDatabase(db);
  root = await mkdtemp(path.join(tmpdir(), 'ownchart-blobs-'));
  return () => rm(root, { recursive: true, force: true });
});

const keyOf = (hash: string) => `records/${alice.toLowerCase()}/${hash.slice(2, 4)}/${hash.slice(2)}`;

describe.each(DRIVERS)('BoundBlobStore on $name', ({ open, overwrite }) => {
  it('stores by SHA-256 with its binding and reads back, surviving a new instance (restart)', async () => {
    const { hash, created } = await new BoundBlobStore(db, open()).put(scope, bytes, { uploader: alice, category: 3 });
    expect(created).toBe(true);
    expect(hash).toBe('0x' + Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex'));
    const reopened = new BoundBlobStore(db, open());
    expect(await reopened.get(scope, hash)).toEqual(bytes);
    expect(await reopened.binding(scope, hash)).toMatchObject({ scope, uploader: alice, category: 3 });
    expect(await reopened.list(scope)).toEqual([
      expect.objectContaining({ hash, scope, uploader: alice, category: 3 }),
    ]);
  });

  it('serves a blob only from the scope it was stored in', async () => {
    const store = new BoundBlobStore(db, open());
    const { hash } = await store.put(scope, bytes, { uploader: alice, category: 3 });
    expect(await store.get(recordScope(mallory), hash)).toBeNull();
    expect(await store.binding(recordScope(mallory), hash)).toBeNull();
  });

  it('keeps the first binding when the same bytes are stored again, even at once', async () => {
    const store = new BoundBlobStore(db, open());
    const answers = await Promise.all([
      store.put(scope, bytes, { uploader: alice, category: 3 }),
      store.put(scope, bytes, { uploader: mallory, category: 5 }),
    ]);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    const first = answers[0]!.created ? { uploader: alice, category: 3 } : { uploader: mallory, category: 5 };
    expect(await store.binding(scope, answers[0]!.hash)).toMatchObject(first);
    await store.put(scope, bytes, { uploader: mallory, category: 5 });
    expect(await store.binding(scope, answers[0]!.hash)).toMatchObject(first);
  });

  it('reads many bindings in one query, in the order asked', async () => {
    const store = new BoundBlobStore(db, open());
    const stored: `0x${string}`[] = [];
    for (let i = 0; i < 3; i++)
      stored.push((await store.put(scope, new Uint8Array([i]), { uploader: alice, category: i })).hash);
    const unknown = sha256Hex(new Uint8Array([9]));
    const bindings = await store.bindings(scope, [stored[2]!, unknown, stored[0]!]);
    expect(bindings.map((b) => b?.category ?? null)).toEqual([2, null, 0]);
  });

  it('returns null for unknown content and refuses malformed hashes and scopes', async () => {
    const store = new BoundBlobStore(db, open());
    expect(await store.get(scope, sha256Hex(new TextEncoder().encode('never stored anywhere')))).toBeNull();
    await expect(store.get(scope, '0x../../etc/passwd' as `0x${string}`)).rejects.toThrow(RangeError);
    await expect(store.get('records/../../etc', sha256Hex(bytes))).rejects.toThrow(RangeError);
  });

  it('refuses to serve a blob altered in storage, naming it', async () => {
    const store = new BoundBlobStore(db, open());
    const { hash } = await store.put(scope, bytes, { uploader: alice, category: 3 });
    await overwrite(keyOf(hash), 'tampered');
    await expect(store.get(scope, hash)).rejects.toThrow(DamagedBlobError);
  });

  it('reads a binding without its bytes as missing, and completes a store a crash cut short', async () => {
    const objects = open();
    const store = new BoundBlobStore(db, objects);
    const { hash } = await store.put(scope, bytes, { uploader: alice, category: 3 });
    // A crash between writing the binding and the bytes: the binding alone.
    await objects.delete(keyOf(hash));
    expect(await store.get(scope, hash)).toBeNull();
    await store.put(scope, bytes, { uploader: mallory, category: 5 });
    expect(await store.get(scope, hash)).toEqual(bytes);
    expect(await store.binding(scope, hash)).toMatchObject({ uploader: alice, category: 3 });
  });

  it('deletes a blob with its binding', async () => {
    const store = new BoundBlobStore(db, open());
    const { hash } = await store.put(scope, bytes, { uploader: alice, category: 3 });
    await store.delete(scope, hash);
    expect(await store.get(scope, hash)).toBeNull();
    expect(await store.binding(scope, hash)).toBeNull();
    expect(await store.list(scope)).toEqual([]);
  });
});

it('leaves no temporary files behind on disk', async () => {
  const store = new BoundBlobStore(db, new FsObjectStore(root));
  await store.put(scope, bytes, { uploader: alice, category: 3 });
  await store.put(scope, bytes, { uploader: mallory, category: 5 });
  expect((await readdir(root, { recursive: true })).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

describe('S3 uploads', () => {
  const s3 = () =>
    new S3ObjectStore({
      ...inject('s3'),
      region: 'us-east-1',
      credentials: S3_CREDENTIALS,
      partBytes: 5 * 1024 * 1024,
    });
  const client = () =>
    new S3Client({
      endpoint: inject('s3').endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: S3_CREDENTIALS,
    });

  it('store a large object in parts, and read it back whole', async () => {
    const large = new Uint8Array(12 * 1024 * 1024);
    for (let i = 0; i < large.length; i += 4096) large[i] = i % 251;
    const store = new BoundBlobStore(db, s3());
    const { hash } = await store.put(scope, large, { uploader: alice, category: 1 });
    expect(sha256Hex((await store.get(scope, hash))!)).toBe(hash);
  });

  it('show nothing of an upload that was interrupted, and a retry stores it once', async () => {
    const large = new Uint8Array(11 * 1024 * 1024).fill(3);
    const key = `records/${alice.toLowerCase()}/in/terrupted`;
    const objects = s3();
    const stop = new AbortController();
    const putting = objects.put(key, large, stop.signal);
    setTimeout(() => stop.abort(new Error('connection lost')), 5);
    await expect(putting).rejects.toThrow();
    expect(await objects.has(key)).toBe(false);
    await objects.put(key, large);
    expect((await objects.get(key))!.length).toBe(large.length);
    const listed = await client().send(new ListObjectsV2Command({ Bucket: inject('s3').bucket, Prefix: key }));
    expect(listed.Contents?.map((c) => c.Key)).toEqual([key]);
  });

  it('refuse to serve a multipart upload that was started but never completed', async () => {
    const key = `records/${alice.toLowerCase()}/ne/ver`;
    await client().send(new CreateMultipartUploadCommand({ Bucket: inject('s3').bucket, Key: key }));
    expect(await s3().get(key)).toBeNull();
  });
});
