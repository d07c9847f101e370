import { sql } from 'kysely';
import type { ServerDatabase } from '../openDatabase';

/**
 * Removes every row, for a test that wants a fresh database without paying for a new one. The
 * disclosure log refuses TRUNCATE; a test may lift that for the statement (as its owner can),
 * which no server code path does.
 */
export async function emptyDatabase(db: ServerDatabase): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`ALTER TABLE disclosures DISABLE TRIGGER disclosures_never_truncated`.execute(tx);
    await sql`TRUNCATE disclosures, key_envelopes, emergency_reasons, spent_nonces, revoked_sessions, rate_limits, pending_uploads, blob_bindings`.execute(
      tx,
    );
    await sql`ALTER TABLE disclosures ENABLE TRIGGER disclosures_never_truncated`.execute(tx);
  });
}
