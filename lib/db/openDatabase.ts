import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { MIGRATIONS } from './migrations';
import { lockPgliteDirectory } from './pgliteLock';
import type { ServerTables } from './schema';

export type ServerDatabase = Kysely<ServerTables>;

/** Where the server's shared state lives: PostgreSQL at `url`, else PGlite in `dataDir` (null: in memory). */
export type DatabaseConfig = { url: string } | { dataDir: string | null };

/** int8 as a JavaScript number: every int8 here is a count or a time in ms, far below 2^53. */
const INT8 = 20;
const toNumber = (value: string) => Number(value);

/** The database has failed or cannot be reached: the API answers 503, and nothing was half-written. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** DATABASE_URL selects PostgreSQL; without it, PGlite in the data directory. */
export function databaseConfigFromEnv(dataDir: string): DatabaseConfig {
  const url = process.env.DATABASE_URL;
  return url ? { url } : { dataDir: path.join(dataDir, 'db') };
}

/**
 * The server database, connected on first query: PostgreSQL through node-postgres, or PGlite
 * (PostgreSQL compiled to WebAssembly, in this process). Both run the same migrations and the
 * same queries; only the connection differs.
 */
export function createDatabase(config: DatabaseConfig): ServerDatabase {
  if ('url' in config) {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      // A database that does not answer must fail a request, not hang it.
      connectionTimeoutMillis: 5_000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8 ? toNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection the server drops (a restart, a failover) is an event, not a crash: the
    // pool discards it, and the next query connects again or answers 503.
    pool.on('error', (error) => console.error('PostgreSQL dropped an idle connection:', error.message));
    return new Kysely<ServerTables>({ dialect: new PostgresDialect({ pool }) });
  }
  return new Kysely<ServerTables>({
    dialect: new PGliteDialect({
      pglite: async () => {
        if (!config.dataDir) return PGlite.create({ parsers: { [INT8]: toNumber } });
        mkdirSync(config.dataDir, { recursive: true });
        const release = lockPgliteDirectory(config.dataDir);
        try {
          const pglite = await PGlite.create(config.dataDir, { parsers: { [INT8]: toNumber } });
          // Kysely's destroy() closes PGlite; the lock goes with it (and with the process).
          const close = pglite.close.bind(pglite);
          pglite.close = async () => {
            try {
              await close();
            } finally {
              release();
            }
          };
          process.once('exit', release);
          return pglite;
        } catch (error) {
          release();
          throw error;
        }
      },
    }),
  });
}

/** Brings the schema up to date (migrations.ts), under Kysely's lock: two servers starting together migrate once. */
export async function migrateDatabase(db: ServerDatabase): Promise<void> {
  const { error, results } = await new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  }).migrateToLatest();
  if (error) {
    // Could not even connect (or lock): that sentence, not a migration's.
    if (error instanceof DatabaseUnavailableError) throw error;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new DatabaseUnavailableError(
      `The database schema could not be brought up to date${failed ? ` (migration ${failed})` : ''}.`,
      { cause: error },
    );
  }
}

/** A migrated database, for scripts and tests; `destroy()` it when done. */
export async function openDatabase(config: DatabaseConfig): Promise<ServerDatabase> {
  const db = createDatabase(config);
  try {
    await migrateDatabase(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
