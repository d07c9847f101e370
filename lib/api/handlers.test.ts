import { base64 } from '@scure/base';
import { createWalletClient, http, type Hex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { emergencyAccessAbi, researchStudiesAbi } from '../../contracts-abi';
import { chainDisclosures } from '../audit/disclosureChain';
import { sql } from 'kysely';
import { toDisclosureRow } from '../db/SqlDisclosureLog';
import { createLogAnchorer, verifyLogAgainstChain } from '../audit/logAnchors';
import { readChainConfig } from '../chain/readChainConfig';
import { sha256Hex } from '../storage/sha256Hex';
import { sqlRateLimiter } from '../db/sqlServerState';
import { createBlobHandlers } from './createBlobHandlers';
import { createPipeline } from './pipeline';
import { RATE_LIMITS } from './rateLimits';
import type { KeyEnvelope } from '../vault/keyEnvelope';
import { demoAccount } from '../wallet/demoAccounts';
import { commitReason } from '../emergency/reasonCommitment';
import {
  BASE,
  clinician,
  deployed,
  hashesIn,
  outcomeText,
  patient,
  researcher,
  setUpHandlerFixture,
} from './testing/handlerFixture';

// Real Anvil, real signatures, real files: the handlers must agree with the chain at request time.
const {
  t,
  testClient,
  send,
  post,
  signIn,
  upload,
  download,
  anchor,
  readMany,
  storeKeys,
  listKeys,
  grant,
  revoke,
  publishFundedStudy,
} = setUpHandlerFixture({ port: 8549 });

const envelopeFor = (category: number): KeyEnvelope => ({
  recipient: clinician.address,
  category,
  version: 0,
  box: base64.encode(new Uint8Array(92).fill(category + 1)),
});

const ciphertext = new TextEncoder().encode('pretend this is AES-GCM output');

describe('Sign-In with Ethereum', () => {
  it('issues an HttpOnly, SameSite session cookie for a valid signed message', async () => {
    const { response } = await signIn(patient);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(
      /^ownchart_session=.+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    const { cookie } = await signIn(patient);
    const session = await t.auth.session(new Request(`${BASE}/api/auth/session`, { headers: { cookie } }));
    expect(await session.json()).toEqual({ address: patient.address });
  });

  it('refuses a replayed nonce', async () => {
    const first = await signIn(patient);
    const replay = await signIn(patient, { nonce: first.nonce });
    expect(replay.response.status).toBe(401);
    expect(
      ((await replay.response.json()) as { issue: { details: { text: string } }[] }).issue[0]!.details.text,
    ).toMatch(/already used/);
  });

  it('refuses a message made for another site', async () => {
    expect((await signIn(patient, { domain: 'evil.example' })).response.status).toBe(401);
  });

  it('answers 401 without a session, and for a forged cookie', async () => {
    expect((await t.auth.session(new Request(`${BASE}/api/auth/session`))).status).toBe(401);
    expect((await upload('', ciphertext)).status).toBe(401);
    expect((await download('ownchart_session=e30.forged', sha256Hex(ciphertext))).status).toBe(401);
  });
});

describe('blob storage authorized by chain state', () => {
  it('lets the patient store and read their record, and a granted clinician read it', async () => {
    const { cookie } = await signIn(patient);
    const stored = await upload(cookie, ciphertext);
    expect(stored.status).toBe(201);
    const { hash } = (await stored.json()) as { hash: Hex };
    await anchor(hash);
    expect(new Uint8Array(await (await download(cookie, hash)).arrayBuffer())).toEqual(ciphertext);

    const clinicianCookie = (await signIn(clinician)).cookie;
    expect((await download(clinicianCookie, hash)).status).toBe(403);
    await grant(0b1);
    const read = await download(clinicianCookie, hash);
    expect(read.status).toBe(200);
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(ciphertext);
  });

  it('refuses a clinician outside the granted category, after revoke, and after expiry', async () => {
    const { cookie } = await signIn(patient);
    const { hash } = (await (await upload(cookie, ciphertext, { category: 2 })).json()) as { hash: Hex };
    await anchor(hash);
    const clinicianCookie = (await signIn(clinician)).cookie;

    await grant(0b1);
    expect((await download(clinicianCookie, hash)).status).toBe(403);

    await grant(0b100);
    expect((await download(clinicianCookie, hash)).status).toBe(200);
    await revoke();
    expect((await download(clinicianCookie, hash)).status).toBe(403);

    const now = Number((await t.client.getBlock()).timestamp);
    await grant(0b100, now + 3600);
    expect((await download(clinicianCookie, hash)).status).toBe(200);
    await testClient().increaseTime({ seconds: 7200 });
    await testClient().mine({ blocks: 1 });
    expect((await download(clinicianCookie, hash)).status).toBe(403);
  });

  it('refuses uploads by someone without write access', async () => {
    const clinicianCookie = (await signIn(clinician)).cookie;
    expect((await upload(clinicianCookie, ciphertext)).status).toBe(403);
  });

  it('answers 422 for content that does not match its hash, 413 when too large, 404 when not anchored', async () => {
    const { cookie } = await signIn(patient);
    expect((await upload(cookie, ciphertext, { hash: sha256Hex(new Uint8Array([1])) })).status).toBe(422);
    expect((await upload(cookie, new Uint8Array(2048))).status).toBe(413);
    const { hash } = (await (await upload(cookie, ciphertext)).json()) as { hash: Hex };
    expect((await download(cookie, hash)).status).toBe(404);
  });
});

describe('reading many records at once', () => {
  it('returns only what the reader may read, and nothing after a revoke', async () => {
    const { cookie } = await signIn(patient);
    const first = new TextEncoder().encode('record in category 0');
    const second = new TextEncoder().encode('record in category 2');
    const a = ((await (await upload(cookie, first)).json()) as { hash: Hex }).hash;
    const b = ((await (await upload(cookie, second, { category: 2 })).json()) as { hash: Hex }).hash;
    await anchor(a);
    await anchor(b);
    expect(await hashesIn(await readMany(cookie, [a, b]))).toEqual([a, b]);

    const clinicianCookie = (await signIn(clinician)).cookie;
    expect((await readMany(clinicianCookie, [a, b])).status).toBe(403);
    await grant(0b1);
    expect(await hashesIn(await readMany(clinicianCookie, [a, b]))).toEqual([a]);
    await revoke();
    expect((await readMany(clinicianCookie, [a, b])).status).toBe(403);
  });

  it('without hashes, answers every anchored record the reader may read now, and refuses a reader with no access', async () => {
    const { cookie } = await signIn(patient);
    const encode = (text: string) => new TextEncoder().encode(text);
    const a = ((await (await upload(cookie, encode('labs'))).json()) as { hash: Hex }).hash;
    const b = ((await (await upload(cookie, encode('notes'), { category: 2 })).json()) as { hash: Hex }).hash;
    const unanchored = ((await (await upload(cookie, encode('not anchored yet'))).json()) as { hash: Hex }).hash;
    await anchor(a);
    await anchor(b);
    const served = await hashesIn(await readMany(cookie, null));
    expect(served).toEqual([a, b].sort());
    expect(served).not.toContain(unanchored);
    // The patient's own reads are not disclosures.
    expect(await t.disclosureLog.entries()).toEqual([]);

    const clinicianCookie = (await signIn(clinician)).cookie;
    expect((await readMany(clinicianCookie, null)).status).toBe(403);
    await grant(0b1);
    expect(await hashesIn(await readMany(clinicianCookie, null))).toEqual([a]);
    // Logged, one entry per record served, on the basis the chain gave.
    expect(
      (await t.disclosureLog.entries()).map((e) => [e.reader, e.kind, e.category, e.contentHash, e.basis]),
    ).toEqual([[clinician.address, 'record', 0, a, 'grant']]);
    // Access to a category with nothing in it is an empty answer, not a refusal.
    await grant(0b1000);
    expect(await hashesIn(await readMany(clinicianCookie, null))).toEqual([]);
    await revoke();
    expect((await readMany(clinicianCookie, null)).status).toBe(403);
    // Someone else's records, asked for as a whole without access to any of them, are refused.
    expect((await readMany(cookie, null, clinician.address)).status).toBe(403);
  });

  it('counts records served against a budget, not requests, and logs nothing it refuses', async () => {
    const limited = createBlobHandlers({
      ...t.blobDeps,
      pipeline: createPipeline({
        ...t.pipeline.config,
        limiter: sqlRateLimiter(t.db, {
          ...RATE_LIMITS,
          records: { perAccount: 3, perClient: 100, windowSeconds: 600 },
        }),
      }),
    });
    const { cookie } = await signIn(patient);
    for (const text of ['first', 'second']) {
      await anchor(((await (await upload(cookie, new TextEncoder().encode(text))).json()) as { hash: Hex }).hash);
    }
    await grant(0b1);
    const clinicianCookie = (await signIn(clinician)).cookie;
    const readAll = () =>
      limited.readMany(
        post(`${BASE}/api/blobs/read`, {
          headers: { cookie: clinicianCookie, 'content-type': 'application/json' },
          body: JSON.stringify({ patient: patient.address }),
        }),
      );
    expect(await hashesIn(await readAll())).toHaveLength(2);
    const refused = await readAll();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await outcomeText(refused)).toMatch(/a great many records/);
    expect(await t.disclosureLog.entries()).toHaveLength(2);
  });

  it('refuses a malformed request with 400 and no session with 401', async () => {
    const { cookie } = await signIn(patient);
    expect((await readMany(cookie, ['not-a-hash'])).status).toBe(400);
    expect((await readMany(cookie, [])).status).toBe(400);
    expect((await readMany('', [sha256Hex(ciphertext)])).status).toBe(401);
  });
});

describe('key envelopes authorized by chain state', () => {
  it('lets the patient share keys only for categories the recipient can read', async () => {
    const { cookie } = await signIn(patient);
    expect((await storeKeys(cookie, [envelopeFor(0)])).status).toBe(403);
    await grant(0b1);
    expect((await storeKeys(cookie, [envelopeFor(0), envelopeFor(2)])).status).toBe(403);
    expect((await storeKeys(cookie, [envelopeFor(0)])).status).toBe(204);
    expect(((await (await listKeys(cookie)).json()) as { envelopes: KeyEnvelope[] }).envelopes).toEqual([
      envelopeFor(0),
    ]);
  });

  it('refuses a grantee writing keys, and envelopes that are not the right size', async () => {
    await grant(0b1);
    const clinicianCookie = (await signIn(clinician)).cookie;
    expect((await storeKeys(clinicianCookie, [envelopeFor(0)])).status).toBe(403);
    const { cookie } = await signIn(patient);
    expect((await storeKeys(cookie, [{ ...envelopeFor(0), box: base64.encode(new Uint8Array(10)) }])).status).toBe(400);
  });

  it('gives a grantee their envelopes while the grant lasts, and 403 once it is revoked or expired', async () => {
    const { cookie } = await signIn(patient);
    await grant(0b101);
    await storeKeys(cookie, [envelopeFor(0), envelopeFor(2)]);
    const clinicianCookie = (await signIn(clinician)).cookie;
    const listed = async () =>
      ((await (await listKeys(clinicianCookie)).json()) as { envelopes: KeyEnvelope[] }).envelopes;
    expect(await listed()).toHaveLength(2);

    await grant(0b1); // narrowed: category 2 withdrawn
    expect(await listed()).toEqual([envelopeFor(0)]);

    await revoke();
    expect((await listKeys(clinicianCookie)).status).toBe(403);

    const now = Number((await t.client.getBlock()).timestamp);
    await grant(0b1, now + 3600);
    expect(await listed()).toEqual([envelopeFor(0)]);
    await testClient().increaseTime({ seconds: 7200 });
    await testClient().mine({ blocks: 1 });
    expect((await listKeys(clinicianCookie)).status).toBe(403);
    expect((await listKeys('')).status).toBe(401);
  });
});

describe('research storage authorized by chain state', () => {
  const consent = sha256Hex(new TextEncoder().encode('consent'));
  const sealedExtract = new TextEncoder().encode('pretend this is an encrypted extract');

  const studyCall = (
    account: PrivateKeyAccount,
    functionName: 'enrol' | 'withdraw' | 'contribute' | 'review',
    args: unknown[],
  ) => send(account, { address: deployed.ResearchStudies, abi: researchStudiesAbi, functionName, args } as never);

  function uploadExtract(cookie: string, bytes = sealedExtract, hash = sha256Hex(sealedExtract)) {
    return t.studies.uploadContribution(
      post(`${BASE}/api/contributions?study=1`, {
        headers: { cookie, 'x-content-sha256': hash },
        body: bytes as BodyInit,
      }),
    );
  }
  function downloadExtract(cookie: string, hash = sha256Hex(sealedExtract)) {
    return t.studies.downloadContribution(
      new Request(`${BASE}/api/contributions/${hash}?study=1&patient=${patient.address}`, { headers: { cookie } }),
      hash,
    );
  }

  it('stores and serves study documents to anyone signed in, and nothing else', async () => {
    const { cookie } = await signIn(clinician);
    const put = (body: string, withCookie = cookie) =>
      t.studies.putDocument(
        post(`${BASE}/api/studies/documents`, {
          headers: { cookie: withCookie, 'content-type': 'application/json' },
          body,
        }),
      );
    expect((await put('{"kind":"consent","text":"I agree"}', '')).status).toBe(401);
    expect((await put('{"resourceType":"Patient"}')).status).toBe(422);
    expect((await put(JSON.stringify({ kind: 'consent', text: 'x'.repeat(70_000) }))).status).toBe(413);
    const stored = await put('{"kind":"consent","text":"I agree"}');
    expect(stored.status).toBe(201);
    const { hash } = (await stored.json()) as { hash: string };
    const read = await t.studies.getDocument(
      new Request(`${BASE}/api/studies/documents/${hash}`, { headers: { cookie } }),
      hash,
    );
    expect(await read.json()).toEqual({ kind: 'consent', text: 'I agree' });
  });

  it('takes a contribution only from an enrolled patient, and serves it only to them and the researcher', async () => {
    await publishFundedStudy(consent);
    const patientCookie = (await signIn(patient)).cookie;
    expect((await uploadExtract(patientCookie)).status).toBe(403);
    await studyCall(patient, 'enrol', [1n, consent]);
    expect((await uploadExtract(patientCookie, sealedExtract, sha256Hex(new Uint8Array([1])))).status).toBe(422);
    expect((await uploadExtract(patientCookie)).status).toBe(201);

    // Served only under the hash anchored on-chain, and to the researcher only once paid for.
    const researcherCookie = (await signIn(researcher)).cookie;
    expect((await downloadExtract(researcherCookie)).status).toBe(404);
    await studyCall(patient, 'contribute', [1n, sha256Hex(sealedExtract)]);
    const unpaid = await downloadExtract(researcherCookie);
    expect(unpaid.status).toBe(403);
    expect(await outcomeText(unpaid)).toMatch(/Accept this contribution/);
    expect((await downloadExtract(patientCookie)).status).toBe(200);
    await studyCall(researcher, 'review', [1n, patient.address, true]);
    expect((await downloadExtract(researcherCookie)).status).toBe(200);
    expect((await downloadExtract((await signIn(clinician)).cookie)).status).toBe(403);
    expect((await downloadExtract('')).status).toBe(401);
    // Every researcher download is in the patient's accounting of disclosures.
    expect(
      (await t.disclosureLog.forPatient(patient.address)).map((e) => [e.kind, e.reader, e.basis, e.contentHash]),
    ).toEqual([['contribution', researcher.address, 'study', sha256Hex(sealedExtract)]]);

    // After withdrawal nothing new is accepted, and the researcher gets nothing more.
    await studyCall(patient, 'withdraw', [1n]);
    expect((await uploadExtract(patientCookie, new Uint8Array([7]), sha256Hex(new Uint8Array([7])))).status).toBe(403);
    const withdrawn = await downloadExtract(researcherCookie);
    expect(withdrawn.status).toBe(403);
    expect(await outcomeText(withdrawn)).toMatch(/withdrawn their consent/);
  });
});

describe('accounting of disclosures', () => {
  it('records every record and key a grantee receives, never the patient’s own reads', async () => {
    const { cookie } = await signIn(patient);
    const { hash } = (await (await upload(cookie, ciphertext)).json()) as { hash: Hex };
    await anchor(hash);
    await grant(0b1);
    await storeKeys(cookie, [envelopeFor(0)]);
    await download(cookie, hash);
    expect(await t.disclosureLog.entries()).toEqual([]);

    const clinicianCookie = (await signIn(clinician)).cookie;
    await download(clinicianCookie, hash);
    await readMany(clinicianCookie, [hash]);
    await listKeys(clinicianCookie);
    const entries = await t.disclosureLog.forPatient(patient.address);
    expect(entries.map((e) => [e.kind, e.reader, e.category, e.contentHash])).toEqual([
      ['key', clinician.address, 0, null],
      ['record', clinician.address, 0, hash],
      ['record', clinician.address, 0, hash],
    ]);
  });

  it('sends no anchoring transaction while another server is anchoring, and reports what the chain holds', async () => {
    const wallet = createWalletClient({
      account: privateKeyToAccount(demoAccount('Deployer').privateKey),
      chain: readChainConfig({ rpcUrl: t.anvil.rpcUrl }).chain,
      transport: http(t.anvil.rpcUrl),
    });
    const busyElsewhere = async () => null;
    const anchorer = createLogAnchorer({
      log: t.disclosureLog,
      client: t.client,
      wallet,
      address: deployed.DisclosureAnchors,
      exclusive: busyElsewhere,
    });
    await t.disclosureLog.append([
      {
        patient: patient.address,
        reader: clinician.address,
        kind: 'record',
        category: 0,
        contentHash: sha256Hex(new Uint8Array([1])),
        basis: 'grant',
        at: 1,
      },
    ]);
    const before = await t.client.getTransactionCount({ address: wallet.account.address });
    expect(await anchorer.anchorNow()).toEqual({ count: 0, head: null });
    expect(await t.client.getTransactionCount({ address: wallet.account.address })).toBe(before);
    const free = createLogAnchorer({
      log: t.disclosureLog,
      client: t.client,
      wallet,
      address: deployed.DisclosureAnchors,
      exclusive: (work) => work(),
    });
    expect(await free.anchorNow()).toMatchObject({ count: 1 });
  });

  it('anchors the log head on-chain and detects a log rewritten afterwards', async () => {
    const operator = privateKeyToAccount(demoAccount('Deployer').privateKey);
    const wallet = createWalletClient({
      account: operator,
      chain: readChainConfig({ rpcUrl: t.anvil.rpcUrl }).chain,
      transport: http(t.anvil.rpcUrl),
    });
    const anchorer = createLogAnchorer({
      log: t.disclosureLog,
      client: t.client,
      wallet,
      address: deployed.DisclosureAnchors,
    });
    const disclosure = (i: number) => ({
      patient: patient.address,
      reader: clinician.address,
      kind: 'record' as const,
      category: 0,
      contentHash: sha256Hex(new Uint8Array([i])),
      basis: 'grant' as const,
      at: i,
    });
    await t.disclosureLog.append([disclosure(1), disclosure(2), disclosure(3)]);
    expect(await anchorer.anchorNow()).toMatchObject({ count: 3 });
    expect(await verifyLogAgainstChain(t.disclosureLog, t.client, deployed.DisclosureAnchors)).toMatchObject({
      ok: true,
      anchored: 3,
    });

    // The server's own statements cannot change what was written.
    await expect(sql`UPDATE disclosures SET at = 4 WHERE seq = 2`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM disclosures WHERE seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE disclosures`.execute(t.db)).rejects.toThrow(/append-only/);

    // Someone with the database owner's rights lifts the trigger, deletes the second read and
    // rebuilds the chain so it is internally consistent: the anchors on-chain still tell.
    const asOwner = async (statements: (tx: typeof t.db) => Promise<unknown>) =>
      t.db.transaction().execute(async (tx) => {
        await sql`ALTER TABLE disclosures DISABLE TRIGGER USER`.execute(tx);
        await statements(tx);
        await sql`ALTER TABLE disclosures ENABLE TRIGGER USER`.execute(tx);
      });
    const rewritten = chainDisclosures(null, [disclosure(1), disclosure(3)]);
    await asOwner(async (tx) => {
      await tx.deleteFrom('disclosures').execute();
      await tx.insertInto('disclosures').values(rewritten.map(toDisclosureRow)).execute();
    });
    expect(await verifyLogAgainstChain(t.disclosureLog, t.client, deployed.DisclosureAnchors)).toMatchObject({
      ok: false,
    });

    // A single edited row breaks the chain itself.
    await asOwner((tx) => tx.updateTable('disclosures').set({ at: 4 }).where('seq', '=', 1).execute());
    expect(await verifyLogAgainstChain(t.disclosureLog, t.client, deployed.DisclosureAnchors)).toMatchObject({
      ok: false,
      problem: 'entry 1 was altered',
    });
  });
});

describe('emergency access authorized by chain state', () => {
  const responder = privateKeyToAccount(demoAccount('Responder').privateKey);
  const emergencyCall = (
    account: PrivateKeyAccount,
    functionName: 'setPolicy' | 'breakGlass' | 'endAccess',
    args: unknown[],
  ) => send(account, { address: deployed.EmergencyAccess, abi: emergencyAccessAbi, functionName, args } as never);
  const toResponder = (category: number): KeyEnvelope => ({ ...envelopeFor(category), recipient: responder.address });

  it('takes keys sealed ahead for responders, releases them only during break glass, and logs the basis', async () => {
    const { cookie } = await signIn(patient);
    const { hash } = (await (await upload(cookie, ciphertext, { category: 2 })).json()) as { hash: Hex };
    await anchor(hash);

    // Without opt-in, nothing may be sealed to a responder.
    expect((await storeKeys(cookie, [toResponder(2)])).status).toBe(403);
    await emergencyCall(patient, 'setPolicy', [0b1111, 24 * 3600]);
    expect((await storeKeys(cookie, [toResponder(2)])).status).toBe(204);
    expect((await storeKeys(cookie, [toResponder(4)])).status).toBe(403); // labs: not in the policy

    const responderCookie = (await signIn(responder)).cookie;
    const list = () =>
      t.keys.list(new Request(`${BASE}/api/keys?patient=${patient.address}`, { headers: { cookie: responderCookie } }));
    expect((await list()).status).toBe(403);
    expect((await readMany(responderCookie, [hash])).status).toBe(403);

    await emergencyCall(responder, 'breakGlass', [
      patient.address,
      commitReason({ patient: patient.address, responder: responder.address, code: 1 }).commitment,
    ]);
    expect(((await (await list()).json()) as { envelopes: KeyEnvelope[] }).envelopes).toHaveLength(1);
    expect(await hashesIn(await readMany(responderCookie, [hash]))).toEqual([hash]);
    const logged = await t.disclosureLog.forPatient(patient.address);
    expect(logged.map((e) => [e.kind, e.basis])).toEqual([
      ['record', 'emergency'],
      ['key', 'emergency'],
    ]);

    await emergencyCall(patient, 'endAccess', [patient.address, responder.address]);
    expect((await list()).status).toBe(403);
    expect((await readMany(responderCookie, [hash])).status).toBe(403);
  });
});
