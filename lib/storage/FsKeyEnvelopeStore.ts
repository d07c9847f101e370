import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Address } from 'viem';
import type { KeyEnvelope } from '../vault/keyEnvelope';
import type { KeyEnvelopeStore } from './KeyEnvelopeStore';

const envelopeId = (e: Pick<KeyEnvelope, 'recipient' | 'category' | 'version'>) =>
  `${e.recipient.toLowerCase()}/${e.category}/${e.version}`;

/**
 * One JSON file per patient, replaced atomically (temporary file, then rename), with writes for a
 * patient queued one after another so two concurrent grants cannot lose each other's envelopes.
 */
export class FsKeyEnvelopeStore implements KeyEnvelopeStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly root: string) {}

  private fileFor(patient: Address): string {
    return path.join(this.root, `${patient.toLowerCase()}.json`);
  }

  private async read(patient: Address): Promise<KeyEnvelope[]> {
    try {
      return JSON.parse(await readFile(this.fileFor(patient), 'utf8')) as KeyEnvelope[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async add(patient: Address, envelopes: readonly KeyEnvelope[]): Promise<void> {
    const key = patient.toLowerCase();
    const write = (this.queues.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        const merged = new Map((await this.read(patient)).map((e) => [envelopeId(e), e]));
        for (const envelope of envelopes) merged.set(envelopeId(envelope), envelope);
        const target = this.fileFor(patient);
        await mkdir(this.root, { recursive: true });
        const temporary = `${target}.${randomUUID()}.tmp`;
        await writeFile(temporary, JSON.stringify([...merged.values()]), { flag: 'wx' });
        await rename(temporary, target);
      });
    this.queues.set(key, write);
    await write;
  }

  async list(patient: Address, recipient?: Address): Promise<KeyEnvelope[]> {
    await this.queues.get(patient.toLowerCase())?.catch(() => undefined);
    const all = await this.read(patient);
    return recipient ? all.filter((e) => e.recipient.toLowerCase() === recipient.toLowerCase()) : all;
  }
}
