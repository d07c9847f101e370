import type { RateLimit, RateLimitName } from '../../lib/api/rateLimits';
import type { Disclosure } from '../../lib/audit/disclosureChain';
import { openDatabase, type ServerDatabase } from '../../lib/db/openDatabase';
import { SqlDisclosureLog } from '../../lib/db/SqlDisclosureLog';
import { sqlRateLimiter, sqlSessionRevocations } from '../../lib/db/sqlServerState';
import { startPostgres } from './postgres';
import { percentile, timed } from './samples';

/** Limits no bench request meets: the cost measured is the counting, not a refusal. */
const UNREACHED = { perAccount: 1e9, perClient: 1e9, windowSeconds: 60 };
const LIMITS = Object.fromEntries(
  (['auth', 'read', 'write', 'document', 'anchor'] as const).map((name) => [name, UNREACHED]),
) as Record<RateLimitName, RateLimit>;

const read = (i: number): Disclosure => ({
  patient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  reader: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  kind: 'record',
  category: 0,
  contentHash: `0x${i.toString(16).padStart(64, '0')}`,
  basis: 'grant',
  at: Date.now(),
});

const ms = (value: number) => `${value.toFixed(2)} ms`;
const summary = (samples: readonly number[]) =>
  `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}, p99 ${ms(percentile(samples, 99))}`;

async function measure(db: ServerDatabase): Promise<string[]> {
  const log = new SqlDisclosureLog(db);
  const revocations = sqlSessionRevocations(db);
  const limiter = sqlRateLimiter(db, LIMITS);
  // Warm the connection and the query plans.
  await timed(20, (i) => log.append([read(i)]));

  const perRequest = await timed(500, async (i) => {
    await revocations.isRevoked(`session-${i % 10}`);
    await limiter.consume('read', {
      account: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
      client: `10.0.0.${i % 200}`,
    });
  });
  const single = await timed(300, (i) => log.append([read(i)]));
  const batch = await timed(30, (i) => log.append(Array.from({ length: 250 }, (_, j) => read(i * 250 + j))));

  const concurrent: number[] = [];
  const wallStarted = performance.now();
  await Promise.all(
    Array.from({ length: 100 }, async (_, i) => {
      const started = performance.now();
      await log.append([read(i)]);
      concurrent.push(performance.now() - started);
    }),
  );
  const wall = performance.now() - wallStarted;
  return [
    `every request (session check + two rate-limit counters): ${summary(perRequest)}`,
    `disclosure append, one read: ${summary(single)}`,
    `disclosure append, a 250-record batch read: ${summary(batch)}`,
    `100 appends at once: ${Math.round(100 / (wall / 1000))} appends/s, each ${summary(concurrent)}`,
  ];
}

/** Server-state latency on both drivers, in this process (the API's own queries). */
export async function benchServerState(): Promise<void> {
  const embedded = await openDatabase({ dataDir: null });
  try {
    console.log('PGlite (embedded, in process):');
    for (const line of await measure(embedded)) console.log(`  ${line}`);
  } finally {
    await embedded.destroy();
  }
  let cluster;
  try {
    cluster = await startPostgres();
  } catch (error) {
    console.log(`PostgreSQL: not measured (${(error as Error).message})`);
    return;
  }
  try {
    const server = await openDatabase({ url: await cluster.createDatabase('bench') });
    try {
      console.log('PostgreSQL (server on 127.0.0.1, node-postgres pool of 10):');
      for (const line of await measure(server)) console.log(`  ${line}`);
    } finally {
      await server.destroy();
    }
  } finally {
    await cluster.stop();
  }
}
