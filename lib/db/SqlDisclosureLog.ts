import { sql } from 'kysely';
import { getAddress, type Hex } from 'viem';
import type { Address } from 'viem';
import { chainDisclosures, type Disclosure, type LoggedDisclosure } from '../audit/disclosureChain';
import type { DisclosureLog } from '../audit/DisclosureLog';
import type { ServerDatabase } from './openDatabase';
import type { ServerTables } from './schema';

/** Any number, the same on every server: which advisory lock serialises appends to the log. */
const APPEND_LOCK = 7_012_311;

/**
 * Rows per INSERT: a statement carries at most 65,535 parameters (ten per row here), and a chart
 * of every record a patient holds is one append.
 */
const ROWS_PER_INSERT = 2_000;

type Row = ServerTables['disclosures'];

/** An entry as its row: addresses lower-case (the hash covers them lower-case too). */
export const toDisclosureRow = (e: LoggedDisclosure): Row => ({
  seq: e.seq,
  prev: e.prev,
  hash: e.hash,
  patient: e.patient.toLowerCase(),
  reader: e.reader.toLowerCase(),
  kind: e.kind,
  category: e.category,
  content_hash: e.contentHash,
  basis: e.basis,
  at: e.at,
});

const toEntry = (row: Row): LoggedDisclosure => ({
  seq: row.seq,
  prev: row.prev as Hex,
  hash: row.hash as Hex,
  patient: getAddress(row.patient),
  reader: getAddress(row.reader),
  kind: row.kind as LoggedDisclosure['kind'],
  category: row.category,
  contentHash: row.content_hash as Hex | null,
  basis: row.basis as LoggedDisclosure['basis'],
  at: row.at,
});

/**
 * The disclosure log as a table. Each append is one transaction that first takes an advisory
 * lock, so appends from any number of servers queue behind one another and extend one chain:
 * each reads the head the previous one committed. A server killed mid-append commits nothing;
 * the table's trigger refuses any change to what was written.
 */
export class SqlDisclosureLog implements DisclosureLog {
  constructor(private readonly db: ServerDatabase) {}

  async append(disclosures: readonly Disclosure[]): Promise<void> {
    if (disclosures.length === 0) return;
    // READ COMMITTED (PostgreSQL's default, stated): after the lock, the head read is the one the
    // previous append committed; a stricter level would fail on its snapshot instead.
    await this.db
      .transaction()
      .setIsolationLevel('read committed')
      .execute(async (tx) => {
        await sql`SELECT pg_advisory_xact_lock(${APPEND_LOCK})`.execute(tx);
        const head = await tx
          .selectFrom('disclosures')
          .select(['seq', 'hash'])
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
        const logged = chainDisclosures(head ? { seq: head.seq, hash: head.hash as Hex } : null, disclosures);
        for (let i = 0; i < logged.length; i += ROWS_PER_INSERT) {
          await tx
            .insertInto('disclosures')
            .values(logged.slice(i, i + ROWS_PER_INSERT).map(toDisclosureRow))
            .execute();
        }
      });
  }

  async entries(): Promise<LoggedDisclosure[]> {
    const rows = await this.db.selectFrom('disclosures').selectAll().orderBy('seq').execute();
    return rows.map(toEntry);
  }

  async forPatient(patient: Address): Promise<LoggedDisclosure[]> {
    const rows = await this.db
      .selectFrom('disclosures')
      .selectAll()
      .where('patient', '=', patient.toLowerCase())
      .orderBy('seq', 'desc')
      .execute();
    return rows.map(toEntry);
  }

  async head() {
    const last = await this.db
      .selectFrom('disclosures')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return last ? { count: last.seq + 1, hash: last.hash as Hex } : null;
  }
}
