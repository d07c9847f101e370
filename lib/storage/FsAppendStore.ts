import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Items per owner (a patient) in an append-only NDJSON file, one line per item: an add costs
 * what it adds, not the whole file again. Reading folds the lines, a later item replacing an
 * earlier one with the same id. Appends for one owner run one after another, so two concurrent
 * adds cannot interleave their lines.
 */
export class FsAppendStore<T> {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly root: string,
    private readonly idOf: (item: T) => string,
  ) {}

  private fileFor(owner: string): string {
    if (!/^0x[0-9a-f]{40}$/.test(owner)) throw new RangeError(`Not an owner address: ${owner}`);
    return path.join(this.root, `${owner}.ndjson`);
  }

  async add(owner: string, items: readonly T[]): Promise<void> {
    const key = owner.toLowerCase();
    const write = (this.queues.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        await mkdir(this.root, { recursive: true });
        // Each append starts on a fresh line: a line a crash cut short ends there, alone.
        await appendFile(this.fileFor(key), `\n${items.map((item) => `${JSON.stringify(item)}\n`).join('')}`);
      });
    this.queues.set(key, write);
    await write;
  }

  /** Every current item of `owner`, in the order first added. */
  async list(owner: string): Promise<T[]> {
    const key = owner.toLowerCase();
    await this.queues.get(key)?.catch(() => undefined);
    let text: string;
    try {
      text = await readFile(this.fileFor(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const current = new Map<string, T>();
    for (const line of text.split('\n')) {
      // A line cut short by a crash mid-append is not an item.
      if (!line) continue;
      let item: T;
      try {
        item = JSON.parse(line) as T;
      } catch {
        continue;
      }
      current.set(this.idOf(item), item);
    }
    return [...current.values()];
  }
}
