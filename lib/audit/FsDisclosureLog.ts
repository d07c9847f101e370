import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Address } from 'viem';
import { chainDisclosures, type Disclosure, type LoggedDisclosure } from './disclosureChain';
import type { DisclosureLog } from './DisclosureLog';

/**
 * The disclosure log as one NDJSON file, only ever appended to (each batch in a single write), with
 * appends queued so the chain never forks. The head is read back from the file on first use, so a
 * restart continues the same chain.
 */
export class FsDisclosureLog implements DisclosureLog {
  private readonly file: string;
  private last: Pick<LoggedDisclosure, 'seq' | 'hash'> | null | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(directory: string) {
    this.file = path.join(directory, 'disclosures.ndjson');
  }

  async entries(): Promise<LoggedDisclosure[]> {
    await this.queue.catch(() => undefined);
    return this.readAll();
  }

  private async readAll(): Promise<LoggedDisclosure[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LoggedDisclosure);
  }

  async forPatient(patient: Address): Promise<LoggedDisclosure[]> {
    const mine = (await this.entries()).filter((e) => e.patient.toLowerCase() === patient.toLowerCase());
    return mine.reverse();
  }

  async head() {
    await this.queue.catch(() => undefined);
    if (this.last === undefined) this.last = (await this.readAll()).at(-1) ?? null;
    return this.last ? { count: this.last.seq + 1, hash: this.last.hash } : null;
  }

  append(disclosures: readonly Disclosure[]): Promise<void> {
    if (disclosures.length === 0) return Promise.resolve();
    const write = this.queue
      .catch(() => undefined)
      .then(async () => {
        // Not entries(): that waits for the queue this write is part of.
        if (this.last === undefined) this.last = (await this.readAll()).at(-1) ?? null;
        const logged = chainDisclosures(this.last, disclosures);
        await mkdir(path.dirname(this.file), { recursive: true });
        await appendFile(this.file, logged.map((e) => `${JSON.stringify(e)}\n`).join(''));
        this.last = logged.at(-1)!;
      });
    this.queue = write;
    return write;
  }
}
