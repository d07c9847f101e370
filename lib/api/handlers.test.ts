import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPublicClient, createTestClient, createWalletClient, http, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accessRegistryAbi, deployments, recordIndexAbi } from '../../contracts-abi';
import { startAnvil, type Anvil } from '../../scripts/lib/anvil';
import { setupChain } from '../../scripts/lib/setupChain';
import { NonceStore } from '../auth/NonceStore';
import { readChainConfig } from '../chain/readChainConfig';
import { FsBlobStore } from '../storage/FsBlobStore';
import { sha256Hex } from '../storage/sha256Hex';
import { demoAccount } from '../wallet/demoAccounts';
import { createAuthHandlers } from './createAuthHandlers';
import { createBlobHandlers } from './createBlobHandlers';

// Real Anvil, real signatures, real files: the handlers must agree with the chain at request time.
const DOMAIN = '127.0.0.1:3000';
const BASE = `http://${DOMAIN}`;
const deployed = deployments['31337']!;
const patient = privateKeyToAccount(demoAccount('Patient').privateKey);
const clinician = privateKeyToAccount(demoAccount('Clinician').privateKey);

let anvil: Anvil;
let client: PublicClient;
let storeDir: string;
let auth: ReturnType<typeof createAuthHandlers>;
let blobs: ReturnType<typeof createBlobHandlers>;
let snapshot: Hex;
const testClient = () =>
  createTestClient({
    mode: 'anvil',
    chain: readChainConfig({ rpcUrl: anvil.rpcUrl }).chain,
    transport: http(anvil.rpcUrl),
  });

async function send(
  account: PrivateKeyAccount,
  call: Parameters<ReturnType<typeof createWalletClient>['writeContract']>[0],
) {
  const wallet = createWalletClient({
    account,
    chain: readChainConfig({ rpcUrl: anvil.rpcUrl }).chain,
    transport: http(anvil.rpcUrl),
  });
  const hash = await wallet.writeContract(call as never);
  await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
}

async function signIn(account: PrivateKeyAccount, overrides: { domain?: string; nonce?: string } = {}) {
  const nonce = overrides.nonce ?? ((await auth.nonce().json()) as { nonce: string }).nonce;
  const message = createSiweMessage({
    address: account.address,
    chainId: 31337,
    domain: overrides.domain ?? DOMAIN,
    nonce,
    uri: BASE,
    version: '1',
  });
  const signature = await account.signMessage({ message });
  const response = await auth.verify(
    new Request(`${BASE}/api/auth/verify`, { method: 'POST', body: JSON.stringify({ message, signature }) }),
  );
  return { response, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '', nonce };
}

function upload(cookie: string, bytes: Uint8Array, { category = 0, hash = sha256Hex(bytes) } = {}) {
  return blobs.upload(
    new Request(`${BASE}/api/blobs?patient=${patient.address}&category=${category}`, {
      method: 'POST',
      headers: { cookie, 'x-content-sha256': hash },
      body: bytes as BodyInit,
    }),
  );
}

function download(cookie: string, hash: string) {
  return blobs.download(
    new Request(`${BASE}/api/blobs/${hash}?patient=${patient.address}`, { headers: { cookie } }),
    hash,
  );
}

async function anchor(hash: Hex, category = 0) {
  await send(patient, {
    address: deployed.RecordIndex,
    abi: recordIndexAbi,
    functionName: 'anchor',
    args: [patient.address, [hash], [category]],
  } as never);
}

async function grant(categories: number, expiresAt = 0) {
  await send(patient, {
    address: deployed.AccessRegistry,
    abi: accessRegistryAbi,
    functionName: 'grant',
    args: [patient.address, clinician.address, categories, 1, expiresAt],
  } as never);
}

beforeAll(async () => {
  anvil = await startAnvil({ port: 8549 });
  await setupChain(anvil.rpcUrl);
  const config = readChainConfig({ rpcUrl: anvil.rpcUrl });
  client = createPublicClient({ chain: config.chain, transport: http(anvil.rpcUrl) }) as PublicClient;
  snapshot = await testClient().snapshot();
});
afterAll(() => anvil?.stop());

beforeEach(async () => {
  await testClient().revert({ id: snapshot });
  snapshot = await testClient().snapshot();
  storeDir = await mkdtemp(path.join(tmpdir(), 'ownchart-api-'));
  const sessionSecret = 'test-secret-0123456789abcdef';
  auth = createAuthHandlers({ client, nonces: new NonceStore(), sessionSecret, domain: DOMAIN, chainId: 31337 });
  blobs = createBlobHandlers({
    store: new FsBlobStore(storeDir),
    client,
    sessionSecret,
    maxBytes: 1024,
    chain: {
      accessRegistry: deployed.AccessRegistry,
      recordIndex: deployed.RecordIndex,
    },
  });
  return () => rm(storeDir, { recursive: true, force: true });
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
    const session = auth.session(new Request(`${BASE}/api/auth/session`, { headers: { cookie } }));
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
    expect(auth.session(new Request(`${BASE}/api/auth/session`)).status).toBe(401);
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
    await anchor(hash, 2);
    const clinicianCookie = (await signIn(clinician)).cookie;

    await grant(0b1);
    expect((await download(clinicianCookie, hash)).status).toBe(403);

    await grant(0b100);
    expect((await download(clinicianCookie, hash)).status).toBe(200);
    await send(patient, {
      address: deployed.AccessRegistry,
      abi: accessRegistryAbi,
      functionName: 'revoke',
      args: [patient.address, clinician.address],
    } as never);
    expect((await download(clinicianCookie, hash)).status).toBe(403);

    const now = Number((await client.getBlock()).timestamp);
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
