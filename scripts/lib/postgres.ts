import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Where `initdb` and `postgres` are: POSTGRES_BIN, else Debian's /usr/lib/postgresql/<major>/bin
 * (not on PATH), else what `pg_config --bindir` says (Homebrew, Fedora, most others).
 */
export function postgresBinDir(): string {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length === 0) {
    try {
      const bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
      if (existsSync(path.join(bin, 'initdb'))) return bin;
    } catch {
      // No pg_config either: say what to install.
    }
    throw new Error(
      'PostgreSQL is not installed: `apt-get install -y postgresql` (.ci/run does this on a bare machine).',
    );
  }
  return path.join(root, majors[0]!, 'bin');
}

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Creates the empty database `name` on the cluster whose superuser URL is `adminUrl`; answers its URL. */
export async function createPostgresDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`Not a database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export type PostgresCluster = {
  /** The superuser's URL of the `postgres` database. */
  url: string;
  port: number;
  /** A new empty database on this cluster; answers its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
};

/**
 * A throwaway PostgreSQL cluster: `initdb` into a temporary directory, `postgres` on a free port
 * of 127.0.0.1 only (no Unix socket), trust authentication for loopback. As root, the server runs
 * as the `postgres` user (PostgreSQL refuses to run as root). Stopped by pid; the directory goes
 * with it.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ownchart-pg-'));
  // As root, both run as the `postgres` user; spawned directly, so the pid stopped is the server's.
  const user: { uid?: number; gid?: number } =
    process.getuid?.() === 0
      ? { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) }
      : {};
  if (user.uid !== undefined) chownSync(dataDir, user.uid, user.gid!);
  execFileSync(
    path.join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions'],
    { stdio: ['ignore', 'ignore', 'inherit'], ...user },
  );

  const port = await freePort();
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    // Throwaway data: no fsync wait per commit.
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'log_min_messages=fatal',
    '-c',
    'log_checkpoints=off',
  ];
  const child = spawn(path.join(bin, 'postgres'), args, { stdio: ['ignore', 'ignore', 'inherit'], ...user });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;

  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(dataDir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      // SIGINT is PostgreSQL's "fast shutdown": sessions are ended, nothing is waited for.
      child.kill('SIGINT');
    });

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with code ${child.exitCode}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`postgres did not accept connections on port ${port} within 20 s`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    url,
    port,
    createDatabase: (name) => createPostgresDatabase(url, name),
    stop,
  };
}
