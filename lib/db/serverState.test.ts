import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDisclosureLog, type Disclosure } from '../audit/disclosureChain';
import { RATE_LIMITS } from '../api/rateLimits';
import type { KeyEnvelope } from '../vault/keyEnvelope';
import { MIGRATIONS } from './migrations';
import { openDatabase, type ServerDatabase } from './openDatabase';
import { SqlDisclosureLog } from './SqlDisclosureLog';
import { sqlEmergencyReasonStore } from './SqlEmergencyReasonStore';
import { SqlKeyEnvelopeStore } from './SqlKeyEnvelopeStore';
import { sqlExclusive, sqlRateLimiter, sqlSessionRevocations, sqlSpentNonces } from './sqlServerState';
import { emptyDatabase } from './testing/emptyDatabase';
import { DRIVERS, freshServerDatabase } from './testing/testDatabases';

const maria = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
const ana = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc' as const;
const sam = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;
const priya = '0x90F79bf6EB2c4f870365E785982E1f101E93b906' as const;
const envelope = (recipient: `0x${string}`, category: number, version = 0, box = 'AAAA'): KeyEnvelope => ({
  recipient,
  category,
  version,
  box,
});
const read = (patient: `0x${string}`, i: number): Disclosure => ({
  patient,
  reader: sam,
  kind: 'record',
  category: 0,
  contentHash: `0x${i.toString(16).padStart(64, '0')}`,
  basis: 'grant',
  at: i,
});

describe.each(DRIVERS)('server state on $name', ({ open }) => {
  let db: ServerDatabase;
  beforeAll(async () => {
    ({ db } = await open());
  });
  afterAll(() => db?.destroy());

  describe('key envelopes', () => {
    it('lists a patient’s envelopes in the order stored, per recipient, with checksummed addresses', async () => {
      await emptyDatabase(db);
      const store = new SqlKeyEnvelopeStore(db);
      await store.add(maria, [envelope(sam, 0), envelope(priya, 4)]);
      expect(await store.list(maria)).toEqual([envelope(sam, 0), envelope(priya, 4)]);
      expect(await store.list(maria, sam.toLowerCase() as `0x${string}`)).toEqual([envelope(sam, 0)]);
      expect(await store.list(sam)).toEqual([]);
    });

    it('replaces an envelope for the same recipient, category and version, keeping its place', async () => {
      await emptyDatabase(db);
      const store = new SqlKeyEnvelopeStore(db);
      await store.add(maria, [envelope(sam, 0, 0, 'old'), envelope(sam, 1)]);
      await store.add(maria, [envelope(sam, 0, 0, 'new'), envelope(sam, 0, 1)]);
      expect(await store.list(maria, sam)).toEqual([envelope(sam, 0, 0, 'new'), envelope(sam, 1), envelope(sam, 0, 1)]);
    });

    it('loses nothing when many adds race', async () => {
      await emptyDatabase(db);
      const store = new SqlKeyEnvelopeStore(db);
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.add(maria, [envelope(sam, i % 9, i)])));
      expect(await store.list(maria)).toHaveLength(20);
    });
  });

  it('keeps a break-glass reason revealed twice once', async () => {
    await emptyDatabase(db);
    const reasons = sqlEmergencyReasonStore(db);
    const reason = { commitment: `0x${'ab'.repeat(32)}` as const, responder: priya, code: 1 };
    await reasons.add(maria.toLowerCase(), [reason]);
    await reasons.add(maria.toLowerCase(), [reason]);
    expect(await reasons.list(maria.toLowerCase())).toEqual([reason]);
    expect(await reasons.list(ana.toLowerCase())).toEqual([]);
  });

  describe('the disclosure log', () => {
    it('keeps one unbroken chain across concurrent appends', async () => {
      await emptyDatabase(db);
      const log = new SqlDisclosureLog(db);
      await Promise.all(Array.from({ length: 20 }, (_, i) => log.append([read(i % 2 ? maria : ana, i)])));
      await log.append([read(maria, 20), read(maria, 21)]);
      const entries = await log.entries();
      expect(entries).toHaveLength(22);
      expect(verifyDisclosureLog(entries, [{ count: 22, head: (await log.head())!.hash }])).toMatchObject({ ok: true });
    });

    it('logs a chart of 10,000 records as one append, beyond what one statement may carry', async () => {
      await emptyDatabase(db);
      const log = new SqlDisclosureLog(db);
      await log.append(Array.from({ length: 10_000 }, (_, i) => read(maria, i)));
      const entries = await log.entries();
      expect(entries).toHaveLength(10_000);
      expect(verifyDisclosureLog(entries, [])).toMatchObject({ ok: true, entries: 10_000 });
    });

    it('shows a patient only their own disclosures, newest first', async () => {
      await emptyDatabase(db);
      const log = new SqlDisclosureLog(db);
      await log.append([read(maria, 1), read(ana, 2), read(maria, 3)]);
      expect((await log.forPatient(maria)).map((e) => [e.at, e.patient])).toEqual([
        [3, maria],
        [1, maria],
      ]);
    });

    it('refuses to change or remove what was written, whatever the statement', async () => {
      await emptyDatabase(db);
      await new SqlDisclosureLog(db).append([read(maria, 1)]);
      await expect(sql`UPDATE disclosures SET at = 2`.execute(db)).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(sql`DELETE FROM disclosures`.execute(db)).rejects.toThrow(/append-only: DELETE refused/);
      await expect(sql`TRUNCATE disclosures`.execute(db)).rejects.toThrow(/append-only: TRUNCATE refused/);
      expect(await new SqlDisclosureLog(db).entries()).toHaveLength(1);
    });
  });

  it('accepts a sign-in nonce once, and forgets it once it would have expired', async () => {
    await emptyDatabase(db);
    const spent = sqlSpentNonces(db);
    expect(await spent.spend('n1', 1_000, 0)).toBe(true);
    expect(await spent.spend('n1', 1_000, 1)).toBe(false);
    await spent.spend('n2', 5_000, 1_000);
    expect(await db.selectFrom('spent_nonces').select('nonce').execute()).toEqual([{ nonce: 'n2' }]);
  });

  it('remembers a signed-out session until it would have expired', async () => {
    await emptyDatabase(db);
    const revocations = sqlSessionRevocations(db);
    await revocations.revoke('s1', 2_000, 1_000);
    await revocations.revoke('already-over', 500, 1_000);
    expect(await revocations.isRevoked('s1')).toBe(true);
    expect(await revocations.isRevoked('already-over')).toBe(false);
    await revocations.revoke('s2', 9_000, 3_000);
    expect(await revocations.isRevoked('s1')).toBe(false);
  });

  it('counts requests per window and starts over when the window has passed', async () => {
    await emptyDatabase(db);
    let clock = 60_000;
    const limiter = sqlRateLimiter(
      db,
      { ...RATE_LIMITS, read: { perAccount: 2, perClient: 100, windowSeconds: 60 } },
      () => clock,
    );
    const keys = { account: maria, client: '203.0.113.1' };
    expect(await limiter.consume('read', keys)).toBeNull();
    clock += 10_000;
    expect(await limiter.consume('read', keys)).toBeNull();
    expect(await limiter.consume('read', keys)).toBe(50);
    clock += 50_000;
    expect(await limiter.consume('read', keys)).toBeNull();
  });
});

describe('several servers on one PostgreSQL', () => {
  let url: string;
  const servers: ServerDatabase[] = [];
  beforeAll(async () => {
    const first = await freshServerDatabase();
    url = first.url;
    servers.push(first.db, await openDatabase({ url }));
  });
  afterAll(() => Promise.all(servers.map((db) => db.destroy())));

  it('migrate once when they start together on an empty database', async () => {
    const { url: empty, db } = await freshServerDatabase();
    await db.destroy();
    // freshServerDatabase migrated it; start again from nothing by dropping what it made.
    const admin = new pg.Client({ connectionString: empty });
    await admin.connect();
    await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await admin.end();
    const started = await Promise.all([openDatabase({ url: empty }), openDatabase({ url: empty })]);
    const applied = await started[0]!
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .execute();
    expect(applied).toHaveLength(Object.keys(MIGRATIONS).length);
    await Promise.all(started.map((db) => db.destroy()));
  });

  it('append to one verifiable disclosure log at once', async () => {
    await emptyDatabase(servers[0]!);
    const logs = servers.map((db) => new SqlDisclosureLog(db));
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => logs[i % 2]!.append([read(maria, 2 * i), read(ana, 2 * i + 1)])),
    );
    const entries = await logs[1]!.entries();
    expect(entries).toHaveLength(80);
    expect(new Set(entries.map((e) => e.at)).size).toBe(80);
    expect(verifyDisclosureLog(entries, [{ count: 80, head: (await logs[0]!.head())!.hash }])).toMatchObject({
      ok: true,
    });
  });

  it('take turns at exclusive work: the second asks, is told another is at it, and can go once it is done', async () => {
    const [first, second] = servers.map((db) => sqlExclusive(db, 7_012_312));
    let release: () => void = () => {};
    const running = first!(
      () =>
        new Promise<string>((resolve) => {
          release = () => resolve('anchored by the first');
        }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await second!(async () => 'anchored by the second')).toBeNull();
    release();
    expect(await running).toBe('anchored by the first');
    expect(await second!(async () => 'anchored by the second')).toBe('anchored by the second');
  });

  it('leave the log verifiable when one dies mid-append, and the others carry on', async () => {
    await emptyDatabase(servers[0]!);
    const log = new SqlDisclosureLog(servers[0]!);
    await log.append([read(maria, 1)]);
    // A server that took the append lock and wrote a row, then died before committing.
    const dying = new pg.Client({ connectionString: url });
    await dying.connect();
    dying.on('error', () => undefined);
    await dying.query('BEGIN');
    await dying.query('SELECT pg_advisory_xact_lock(7012311)');
    await dying.query(
      `INSERT INTO disclosures (seq, prev, hash, patient, reader, kind, category, content_hash, basis, at)
       VALUES (1, 'x', 'half-written', 'p', 'r', 'record', 0, null, 'grant', 2)`,
    );
    const waiting = new SqlDisclosureLog(servers[1]!).append([read(ana, 3)]);
    (dying as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await waiting;
    const entries = await log.entries();
    expect(entries.map((e) => e.at)).toEqual([1, 3]);
    expect(verifyDisclosureLog(entries, [])).toMatchObject({ ok: true, entries: 2 });
  });

  it('accept a nonce once between them, and share sign-outs and rate limits', async () => {
    await emptyDatabase(servers[0]!);
    const [a, b] = servers as [ServerDatabase, ServerDatabase];
    expect(await sqlSpentNonces(a).spend('nonce', 10_000, 0)).toBe(true);
    expect(await sqlSpentNonces(b).spend('nonce', 10_000, 1)).toBe(false);
    await sqlSessionRevocations(a).revoke('session', Date.now() + 60_000);
    expect(await sqlSessionRevocations(b).isRevoked('session')).toBe(true);
    const limits = { ...RATE_LIMITS, auth: { perAccount: 100, perClient: 3, windowSeconds: 60 } };
    const keys = { account: null, client: '198.51.100.7' };
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => sqlRateLimiter(servers[i % 2]!, limits).consume('auth', keys)),
    );
    expect(answers.filter((wait) => wait === null)).toHaveLength(3);
  });
});
