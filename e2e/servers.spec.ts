import type { APIRequestContext } from '@playwright/test';
import { request as playwrightRequest } from '@playwright/test';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { accessRegistryAbi, recordRootsAbi } from '../contracts-abi';
import { verifyDisclosureLog } from '../lib/audit/disclosureChain';
import { SqlDisclosureLog } from '../lib/db/SqlDisclosureLog';
import { DAMAGED, encodeFrames, parseFrames } from '../lib/storage/blobFrames';
import { S3ObjectStore } from '../lib/storage/S3ObjectStore';
import { sha256Hex } from '../lib/storage/sha256Hex';
import { buildRecordManifest } from '../lib/vault/recordTree';
import { demoAccount } from '../lib/wallet/demoAccounts';
import { chainWriter } from '../scripts/lib/chainWriter';
import { startPostgres, type PostgresCluster } from '../scripts/lib/postgres';
import { startS3, type S3Server } from '../scripts/lib/s3';
import { startAppServer, type AppServer } from './support/appServer';
import { e2eDatabase } from './support/database';
import { E2E_APP_URL, E2E_RPC_URL } from './support/env';
import { connect, expect, installWallet, test } from './support/fixtures';

// Two more `next start`s of the same site: the e2e PostgreSQL, one S3-compatible bucket, the same
// session secret and origin, two ports. What one server did, the other knows.
const PORTS = [3101, 3103] as const;
const patient = demoAccount('Patient');
const clinician = demoAccount('Clinician', 0);
const ours = { origin: E2E_APP_URL };

let s3: S3Server;
let first: AppServer;
let second: AppServer;
test.beforeAll(async () => {
  s3 = await startS3();
  const shared = {
    OWNCHART_DATA_DIR: `${process.cwd()}/test-results/e2e-data-servers`,
    OWNCHART_S3_ENDPOINT: s3.endpoint,
    OWNCHART_S3_BUCKET: s3.bucket,
    OWNCHART_S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    OWNCHART_S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
  };
  const started = await Promise.all(PORTS.map((port) => startAppServer(port, shared)));
  first = started[0]!;
  second = started[1]!;
});
test.afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await s3?.stop();
});

/** A sign-in message for this site, with `nonce`, signed by `account`. */
async function signedIn(account: PrivateKeyAccount, nonce: string) {
  const message = createSiweMessage({
    address: account.address,
    chainId: 31337,
    domain: new URL(E2E_APP_URL).host,
    nonce,
    uri: E2E_APP_URL,
    version: '1',
  });
  return { message, signature: await account.signMessage({ message }) };
}

async function nonceFrom(server: APIRequestContext): Promise<string> {
  return ((await (await server.get('/api/auth/nonce')).json()) as { nonce: string }).nonce;
}

/** A request context for one server, keeping its own cookies. */
const contextFor = (baseURL: string) => playwrightRequest.newContext({ baseURL });

test('two servers share nonces, sessions, uploads, one disclosure log and the rate limits', async () => {
  test.setTimeout(90_000);
  const a = await contextFor(first.url);
  const b = await contextFor(second.url);
  const patientAccount = privateKeyToAccount(patient.privateKey);

  // A nonce issued by one server is accepted once by the other, and refused on replay by both.
  const signIn = await signedIn(patientAccount, await nonceFrom(a));
  expect((await b.post('/api/auth/verify', { data: signIn, headers: ours })).status()).toBe(200);
  for (const server of [a, b]) {
    const replay = await server.post('/api/auth/verify', { data: signIn, headers: ours });
    expect(replay.status()).toBe(401);
  }
  // The session cookie B set works on A (the patient's context on B signs in; A's gets the cookie).
  const cookie = (await b.storageState()).cookies.find((c) => c.name === 'ownchart_session')!;
  const patientOnA = await playwrightRequest.newContext({
    baseURL: first.url,
    extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` },
  });
  expect(await (await patientOnA.get('/api/auth/session')).json()).toEqual({ address: patientAccount.address });

  // An upload through A (into the bucket) is read through B.
  const bytes = new TextEncoder().encode(`sealed record ${Date.now()}`);
  const contentHash = sha256Hex(bytes);
  const manifest = buildRecordManifest({
    patient: patientAccount.address,
    author: patientAccount.address,
    records: [{ contentHash, category: 0 }],
  });
  const stored = await patientOnA.post(`/api/blobs/manifests?patient=${patientAccount.address}`, {
    data: manifest,
    headers: ours,
  });
  expect(stored.status()).toBe(201);
  const { hash: manifestHash } = (await stored.json()) as { hash: string };
  const uploaded = await patientOnA.post(`/api/blobs?patient=${patientAccount.address}`, {
    data: Buffer.from(encodeFrames([{ hash: contentHash, bytes }])),
    headers: { ...ours, 'content-type': 'application/octet-stream', 'x-record-manifest': manifestHash },
  });
  expect(uploaded.status()).toBe(201);
  const bucket = new S3ObjectStore({ ...s3, region: 'us-east-1' });
  const key = `records/${patientAccount.address.toLowerCase()}/${contentHash.slice(2, 4)}/${contentHash.slice(2)}`;
  expect(await bucket.get(key)).toEqual(bytes);
  const chain = chainWriter(E2E_RPC_URL, patient.privateKey);
  await chain.confirm(
    chain.wallet.writeContract({
      address: chain.config.recordRoots!,
      abi: recordRootsAbi,
      functionName: 'anchor',
      args: [patientAccount.address, manifest.root],
    }),
    'anchor',
  );
  await chain.confirm(
    chain.wallet.writeContract({
      address: chain.config.accessRegistry,
      abi: accessRegistryAbi,
      functionName: 'grant',
      args: [patientAccount.address, clinician.address, 1, 1, 0],
    }),
    'grant',
  );

  // The clinician reads it through each server; both reads land in one verifiable log.
  const doctorOnA = await contextFor(first.url);
  const doctor = privateKeyToAccount(clinician.privateKey);
  expect(
    (
      await doctorOnA.post('/api/auth/verify', { data: await signedIn(doctor, await nonceFrom(b)), headers: ours })
    ).status(),
  ).toBe(200);
  const doctorCookie = (await doctorOnA.storageState()).cookies.find((c) => c.name === 'ownchart_session')!;
  const doctorOnB = await playwrightRequest.newContext({
    baseURL: second.url,
    extraHTTPHeaders: { cookie: `${doctorCookie.name}=${doctorCookie.value}` },
  });
  const log = new SqlDisclosureLog(await e2eDatabase());
  const before = (await log.entries()).length;
  for (const server of [doctorOnA, doctorOnB]) {
    const read = await server.post('/api/blobs/read', {
      data: { patient: patientAccount.address, hashes: [contentHash] },
      headers: ours,
    });
    expect(read.status()).toBe(200);
    const frames = parseFrames(new Uint8Array(await read.body()));
    const served = frames.get(contentHash as `0x${string}`);
    expect(served === DAMAGED ? 'damaged' : new TextDecoder().decode(served)).toBe(new TextDecoder().decode(bytes));
  }
  const entries = await log.entries();
  expect(entries.slice(before).map((e) => [e.reader, e.contentHash])).toEqual([
    [doctor.address, contentHash],
    [doctor.address, contentHash],
  ]);
  expect(verifyDisclosureLog(entries, [])).toMatchObject({ ok: true, entries: entries.length });

  // One client's sign-in allowance (120 a minute) is counted across both servers: a visitor
  // with no session, so only the per-client count applies.
  const [visitorOnA, visitorOnB] = await Promise.all([contextFor(first.url), contextFor(second.url)]);
  const client = { 'x-forwarded-for': '198.51.100.77' };
  const answers = await Promise.all(
    Array.from({ length: 120 }, (_, i) =>
      (i % 2 ? visitorOnA : visitorOnB).get('/api/auth/nonce', { headers: client }),
    ),
  );
  expect(answers.map((r) => r.status()).filter((s) => s !== 200)).toEqual([]);
  for (const server of [visitorOnA, visitorOnB]) {
    const refused = await server.get('/api/auth/nonce', { headers: client });
    expect(refused.status()).toBe(429);
  }
  await Promise.all([a, b, patientOnA, doctorOnA, doctorOnB, visitorOnA, visitorOnB].map((c) => c.dispose()));
});

test('with its database down, a server answers 503 and the page says so', async ({ page }) => {
  test.setTimeout(120_000);
  const port = 3102;
  const origin = `http://127.0.0.1:${port}`;
  let cluster: PostgresCluster | null = await startPostgres();
  const url = await cluster.createDatabase('ownchart_fault');
  const server = await startAppServer(port, {
    DATABASE_URL: url,
    OWNCHART_ORIGIN: origin,
    OWNCHART_DATA_DIR: `${process.cwd()}/test-results/e2e-data-fault`,
  });
  try {
    await installWallet(page, patient.privateKey);
    await connect(page, `${origin}/disclosures`);
    await cluster.stop();
    cluster = null;
    const api = await contextFor(origin);
    const down = await api.get('/api/auth/nonce');
    expect(down.status()).toBe(503);
    expect(await down.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ details: { text: expect.stringMatching(/storage cannot be reached just now/) } }],
    });
    await api.dispose();
    // The page's next request to the server meets the same answer, in words.
    await page.getByRole('main').getByRole('button', { name: 'Unlock records' }).click();
    await expect(page.getByRole('main')).toContainText(/OwnChart’s storage cannot be reached just now/);
  } finally {
    await server.stop();
    await cluster?.stop();
  }
});
