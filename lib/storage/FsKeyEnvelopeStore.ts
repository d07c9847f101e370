import type { Address } from 'viem';
import type { KeyEnvelope } from '../vault/keyEnvelope';
import { FsAppendStore } from './FsAppendStore';
import type { KeyEnvelopeStore } from './KeyEnvelopeStore';

const envelopeId = (e: Pick<KeyEnvelope, 'recipient' | 'category' | 'version'>) =>
  `${e.recipient.toLowerCase()}/${e.category}/${e.version}`;

/** Key envelopes on disk: one append-only file per patient (FsAppendStore). */
export class FsKeyEnvelopeStore implements KeyEnvelopeStore {
  private readonly store: FsAppendStore<KeyEnvelope>;

  constructor(root: string) {
    this.store = new FsAppendStore<KeyEnvelope>(root, envelopeId);
  }

  add(patient: Address, envelopes: readonly KeyEnvelope[]): Promise<void> {
    return this.store.add(patient.toLowerCase(), envelopes);
  }

  async list(patient: Address, recipient?: Address): Promise<KeyEnvelope[]> {
    const all = await this.store.list(patient.toLowerCase());
    return recipient ? all.filter((e) => e.recipient.toLowerCase() === recipient.toLowerCase()) : all;
  }
}
