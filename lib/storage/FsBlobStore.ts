import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Hex } from 'viem';
import {
  DamagedBlobError,
  isBlobScope,
  isContentHash,
  type BlobBinding,
  type BlobScope,
  type BlobStore,
  type ContentHash,
} from './BlobStore';
import { sha256Hex } from './sha256Hex';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/**
 * BlobStore on a local directory: `<root>/<scope>/<first hash byte>/<hash>` with its binding
 * beside it as `<hash>.json`. Writes go to temporary files in the same directory and are renamed
 * into place, binding first; deletes remove the blob first. So a blob never exists without its
 * binding, and a read needs no second file: a crash never leaves a half-written blob under a
 * valid hash, nor a blob nobody is recorded as having stored.
 */
export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathFor(scope: BlobScope, hash: ContentHash): string {
    if (!isBlobScope(scope)) throw new RangeError(`Not a blob scope: ${scope}`);
    if (!isContentHash(hash)) throw new RangeError(`Not a content hash: ${hash}`);
    return path.join(this.root, ...scope.split('/'), hash.slice(2, 4), hash.slice(2));
  }

  async put(
    scope: BlobScope,
    bytes: Uint8Array,
    binding: Omit<BlobBinding, 'scope' | 'storedAt' | 'root'> & { root?: Hex },
  ): Promise<{ hash: ContentHash; created: boolean }> {
    const hash = sha256Hex(bytes);
    const target = this.pathFor(scope, hash);
    const existing = await this.binding(scope, hash);
    // The blob is there (so is its binding): nothing to do. A binding alone (a crash between the
    // two renames) keeps its first uploader and gets its blob now.
    if (existing && (await exists(target))) return { hash, created: false };
    await mkdir(path.dirname(target), { recursive: true });
    const suffix = `${randomUUID()}.tmp`;
    await writeFile(`${target}.${suffix}`, bytes, { flag: 'wx' });
    if (!existing) {
      const bound: BlobBinding = {
        scope,
        uploader: binding.uploader,
        category: binding.category,
        root: binding.root ?? null,
        storedAt: Date.now(),
      };
      await writeFile(`${target}.json.${suffix}`, JSON.stringify(bound), { flag: 'wx' });
      await rename(`${target}.json.${suffix}`, `${target}.json`);
    }
    await rename(`${target}.${suffix}`, target);
    return { hash, created: !existing };
  }

  async get(scope: BlobScope, hash: ContentHash): Promise<Uint8Array | null> {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(this.pathFor(scope, hash)));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    // Disk corruption or tampering must not reach a client as valid content.
    if (sha256Hex(bytes) !== hash) throw new DamagedBlobError(hash);
    return bytes;
  }

  async binding(scope: BlobScope, hash: ContentHash): Promise<BlobBinding | null> {
    try {
      return JSON.parse(await readFile(`${this.pathFor(scope, hash)}.json`, 'utf8')) as BlobBinding;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async list(scope: BlobScope): Promise<ContentHash[]> {
    if (!isBlobScope(scope)) throw new RangeError(`Not a blob scope: ${scope}`);
    const dir = path.join(this.root, ...scope.split('/'));
    let shards: string[];
    try {
      shards = await readdir(dir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const hashes: ContentHash[] = [];
    for (const shard of shards.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
      for (const name of await readdir(path.join(dir, shard))) {
        // The blob itself, not its binding or a temporary file.
        if (/^[0-9a-f]{64}$/.test(name)) hashes.push(`0x${name}`);
      }
    }
    return hashes.sort();
  }

  async delete(scope: BlobScope, hash: ContentHash): Promise<void> {
    const target = this.pathFor(scope, hash);
    // The blob first: it must never outlive its binding.
    await rm(target, { force: true });
    await rm(`${target}.json`, { force: true });
  }
}
