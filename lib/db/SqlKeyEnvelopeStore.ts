import { getAddress, type Address } from 'viem';
import type { KeyEnvelopeStore } from '../storage/KeyEnvelopeStore';
import type { KeyEnvelope } from '../vault/keyEnvelope';
import type { ServerDatabase } from './openDatabase';

/** Key envelopes in the server database: one row per patient, recipient, category and version. */
export class SqlKeyEnvelopeStore implements KeyEnvelopeStore {
  constructor(private readonly db: ServerDatabase) {}

  async add(patient: Address, envelopes: readonly KeyEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    // One envelope per key: the same key sent twice in one batch is the later box.
    const unique = new Map(
      envelopes.map((e) => [`${e.recipient.toLowerCase()}/${e.category}/${e.version}`, e] as const),
    );
    await this.db
      .insertInto('key_envelopes')
      .values(
        [...unique.values()].map((e) => ({
          patient: patient.toLowerCase(),
          recipient: e.recipient.toLowerCase(),
          category: e.category,
          version: e.version,
          box: e.box,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['patient', 'recipient', 'category', 'version'])
          .doUpdateSet((eb) => ({ box: eb.ref('excluded.box') })),
      )
      .execute();
  }

  async list(patient: Address, recipient?: Address): Promise<KeyEnvelope[]> {
    let query = this.db
      .selectFrom('key_envelopes')
      .select(['recipient', 'category', 'version', 'box'])
      .where('patient', '=', patient.toLowerCase());
    if (recipient) query = query.where('recipient', '=', recipient.toLowerCase());
    const rows = await query.orderBy('position').execute();
    return rows.map((r) => ({
      recipient: getAddress(r.recipient),
      category: r.category,
      version: r.version,
      box: r.box,
    }));
  }
}
