import { openDatabase, type ServerDatabase } from '../../lib/db/openDatabase';

let opened: Promise<ServerDatabase> | undefined;

/**
 * The e2e server's PostgreSQL (DATABASE_URL, set by global setup), for seeding what a browser
 * would have stored and for looking at what the server kept. One pool per worker.
 */
export function e2eDatabase(): Promise<ServerDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the e2e suite through its global setup.');
  opened ??= openDatabase({ url });
  return opened;
}
