import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startChild, stopChild } from './processes';
import { waitForHttp } from './waitForHttp';

const PONDER_BIN = 'node_modules/ponder/dist/esm/bin/ponder.js';

export type IndexerParameters = {
  rpcUrl: string;
  port: number;
  /** Where its embedded PGlite keeps the index; ignored when `databaseUrl` is set. */
  dataDir: string;
  /** A PostgreSQL to keep the index in instead (its own database or schema). */
  databaseUrl?: string;
  /** More environment: the app's NEXT_PUBLIC_* chain configuration, where not the local chain. */
  env?: Record<string, string>;
};

export type Indexer = { url: string; process: ChildProcess; stop: () => Promise<void> };

/**
 * Starts the history indexer (indexer/, Ponder) on 127.0.0.1:`port` against the chain at `rpcUrl`,
 * and waits until it answers. It indexes from the deployment block; GET /status says how far.
 */
export async function startIndexer({
  rpcUrl,
  port,
  dataDir,
  databaseUrl,
  env = {},
}: IndexerParameters): Promise<Indexer> {
  const pgliteDir = path.resolve(dataDir, 'indexer');
  await mkdir(pgliteDir, { recursive: true });
  const child = startChild(
    process.execPath,
    [
      PONDER_BIN,
      '--root',
      'indexer',
      '--log-level',
      process.env.OWNCHART_INDEXER_LOG ?? 'warn',
      'start',
      '--port',
      String(port),
      '--hostname',
      '127.0.0.1',
      '--schema',
      'ownchart',
    ],
    {
      env: {
        ...process.env,
        ...env,
        NEXT_PUBLIC_RPC_URL: rpcUrl,
        PONDER_TELEMETRY_DISABLED: 'true',
        PONDER_PGLITE_DIR: pgliteDir,
        ...(databaseUrl ? { PONDER_DATABASE_URL: databaseUrl } : {}),
        // The indexer keeps its own database: the app's DATABASE_URL is not for it.
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  try {
    await waitForHttp(`${url}/health`, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, process: child, stop };
}
