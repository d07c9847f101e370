import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isContentHash, type BlobStore, type ContentHash } from './BlobStore';
import { sha256Hex } from './sha256Hex';

/**
 * BlobStore on a local directory. Writes go to a temporary file in the same directory and are
 * renamed into place, so a crash never leaves a half-written blob under a valid hash; blobs are
 * fanned out by the first hash byte to keep directories small.
 */
export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathFor(hash: ContentHash): string {
    if (!isContentHash(hash)) throw new RangeError(`Not a content hash: ${hash}`);
    return path.join(this.root, hash.slice(2, 4), hash.slice(2));
  }

  async put(bytes: Uint8Array): Promise<ContentHash> {
    const hash = sha256Hex(bytes);
    const target = this.pathFor(hash);
    if (await this.has(hash)) return hash;
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, target);
    return hash;
  }

  async get(hash: ContentHash): Promise<Uint8Array | null> {
    try {
      const bytes = new Uint8Array(await readFile(this.pathFor(hash)));
      // Disk corruption or tampering must not reach a client as valid content.
      if (sha256Hex(bytes) !== hash) throw new Error(`Stored blob ${hash} does not match its hash`);
      return bytes;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async has(hash: ContentHash): Promise<boolean> {
    try {
      await stat(this.pathFor(hash));
      return true;
    } catch {
      return false;
    }
  }
}
