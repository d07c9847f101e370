import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from './openDatabase';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ownchart-pglite-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('refuses a second opener of one embedded database, and lets the next in once the first closes', async () => {
  const dataDir = path.join(dir, 'db');
  const first = await openDatabase({ dataDir });
  await expect(openDatabase({ dataDir })).rejects.toThrow(/open in process \d+ .*one user at a time/);
  await first.destroy();
  const second = await openDatabase({ dataDir });
  await second.insertInto('spent_nonces').values({ nonce: 'n', expires_at: 1 }).execute();
  await second.destroy();
});

it('takes over a lock left by a process that is gone', async () => {
  const dataDir = path.join(dir, 'db');
  // No process has pid 2^22 + 1 here (Linux's pid_max is at most 2^22).
  await writeFile(`${dataDir}.lock`, String(2 ** 22 + 1));
  const db = await openDatabase({ dataDir });
  await db.destroy();
});
