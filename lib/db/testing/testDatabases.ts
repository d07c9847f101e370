import { randomBytes } from 'node:crypto';
import { createPostgresDatabase } from '../../../scripts/lib/postgres';
import { inject } from 'vitest';
import { openDatabase, type ServerDatabase } from '../openDatabase';

/** A new, empty, migrated database on the run's PostgreSQL cluster (lib/db/testing/postgresSetup.ts); answers its URL too. */
export async function freshServerDatabase(): Promise<{ db: ServerDatabase; url: string }> {
  const url = await createPostgresDatabase(inject('postgresUrl'), `test_${randomBytes(6).toString('hex')}`);
  return { db: await openDatabase({ url }), url };
}

/** The two drivers every store is tested on: PGlite in memory, and a real PostgreSQL server. */
export const DRIVERS = [
  { name: 'PGlite (embedded)', open: async () => ({ db: await openDatabase({ dataDir: null }), url: null }) },
  { name: 'PostgreSQL (server)', open: freshServerDatabase },
] as const;
