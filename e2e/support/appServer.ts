import { spawn } from 'node:child_process';
import path from 'node:path';
import { NEXT_BIN, stopChild } from '../../scripts/lib/processes';
import { waitForHttp } from '../../scripts/lib/waitForHttp';
import { E2E_APP_URL, E2E_DATA_DIR, E2E_DIST_DIR } from './env';

export type AppServer = { url: string; stop: () => Promise<void> };

/**
 * `next start` serving the e2e build on `port`, configured as one server of the site at
 * E2E_APP_URL (its origin, data directory and DATABASE_URL) unless `env` says otherwise.
 * Resolves once it answers; stop it by pid.
 */
export async function startAppServer(port: number, env: Record<string, string> = {}): Promise<AppServer> {
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: E2E_DIST_DIR,
      OWNCHART_DATA_DIR: path.resolve(E2E_DATA_DIR),
      OWNCHART_ORIGIN: E2E_APP_URL,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => stopChild(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
