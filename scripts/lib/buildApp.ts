import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NEXT_BIN } from './processes';

export type BuildAppParameters = {
  /** Next's output directory, so the e2e, demo and dev builds do not overwrite each other. */
  distDir: string;
  env?: Record<string, string>;
  /** Where to keep the build output (route sizes are read from it by `npm run bench`). */
  logPath?: string;
};

/** `next build` with telemetry off; prints the output and keeps a copy. Throws on failure. */
export function buildApp({ distDir, env = {}, logPath }: BuildAppParameters): void {
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  if (logPath) {
    mkdirSync(path.dirname(logPath), { recursive: true });
    writeFileSync(logPath, result.stdout ?? '');
  }
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}
