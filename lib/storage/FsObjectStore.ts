import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isObjectKey, type ObjectStore } from './ObjectStore';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Objects as files under `root`: written to a temporary file beside their place, then renamed in. */
export class FsObjectStore implements ObjectStore {
  constructor(private readonly root: string) {}

  private pathFor(key: string): string {
    if (!isObjectKey(key)) throw new RangeError(`Not an object key: ${key}`);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathFor(key);
    await mkdir(path.dirname(target), { recursive: true });
    const draft = `${target}.${randomUUID()}.tmp`;
    await writeFile(draft, bytes, { flag: 'wx' });
    await rename(draft, target);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const file = await readFile(this.pathFor(key));
      return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await stat(this.pathFor(key));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }
}
