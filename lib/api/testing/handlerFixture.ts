import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPublicClient, createTestClient, createWalletClient, http, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  accessRegistryAbi,
  demoStableTokenAbi,
  deployments,
  recordRootsAbi,
  researchStudiesAbi,
} from '../../../contracts-abi';
import { startAnvil, type Anvil } from '../../../scripts/lib/anvil';
import { setupChain } from '../../../scripts/lib/setupChain';
import { logRecorder } from '../../audit/DisclosureRecorder';
import { NonceStore } from '../../auth/NonceStore';
import { readChainConfig } from '../../chain/readChainConfig';
import { openDatabase, type ServerDatabase } from '../../db/openDatabase';
import { SqlDisclosureLog } from '../../db/SqlDisclosureLog';
import { SqlKeyEnvelopeStore } from '../../db/SqlKeyEnvelopeStore';
import { sqlRateLimiter, sqlSessionRevocations, sqlSpentNonces } from '../../db/sqlServerState';
import { emptyDatabase } from '../../db/testing/emptyDatabase';
import { readSiteConfig } from '../../server/readSiteConfig';
import { BoundBlobStore } from '../../storage/BoundBlobStore';
import { FsObjectStore } from '../../storage/FsObjectStore';
import { DAMAGED, encodeFrames, parseFrames } from '../../storage/blobFrames';
import { contributionAnchoredIn } from '../../storage/contributionAnchoredIn';
import { sha256Hex } from '../../storage/sha256Hex';
import type { KeyEnvelope } from '../../vault/keyEnvelope';
import { buildRecordManifest, type RecordManifest } from '../../vault/recordTree';
import { demoAccount } from '../../wallet/demoAccounts';
import { createAuthHandlers } from '../createAuthHandlers';
import { createBlobHandlers, type BlobDependencies } from '../createBlobHandlers';
import { createDisclosureHandlers } from '../createDisclosureHandlers';
import { createKeyHandlers } from '../createKeyHandlers';
import { createStudyHandlers } from '../createStudyHandlers';
import { createPipeline, type Pipeline } from '../pipeline';
import { createRecordTrees, type RecordTrees } from '../recordTrees';
import { RATE_LIMITS, type RateLimit, type RateLimitName } from '../rateLimits';
import { createUploadQuota, type UploadQuota } from '../uploadQuota';

export const DOMAIN = '127.0.0.1:3000';
export const BASE = `http://${DOMAIN}`;
export const deployed = deployments['31337']!;
export const patient = privateKeyToAccount(demoAccount('Patient').privateKey);
export const clinician = privateKeyToAccount(demoAccount('Clinician').privateKey);
export const researcher = privateKeyToAccount(demoAccount('Researcher').privateKey);

export type FixtureOptions = {
  /** Anvil's port: each test file that uses the fixture needs its own. */
  port: number;
  limits?: Partial<Record<RateLimitName, RateLimit>>;
  quotaBytes?: number;
  quotaGraceMs?: number;
};

/**
 * Route handlers against a real Anvil with every contract deployed, real signatures, real files
 * and a real (embedded) PostgreSQL: what every handler test needs, reverted to a fresh chain and
 * empty storage per test.
 */
export function setUpHandlerFixture(options: FixtureOptions) {
  const t = {
    anvil: undefined as unknown as Anvil,
    client: undefined as unknown as PublicClient,
    storeDir: '',
    snapshot: '0x' as Hex,
    now: Date.now(),
    pipeline: undefined as unknown as Pipeline,
    auth: undefined as unknown as ReturnType<typeof createAuthHandlers>,
    blobs: undefined as unknown as ReturnType<typeof createBlobHandlers>,
    /** What `blobs` was made of, for a test that needs the same handlers with another pipeline. */
    blobDeps: undefined as unknown as BlobDependencies,
    keys: undefined as unknown as ReturnType<typeof createKeyHandlers>,
    studies: undefined as unknown as ReturnType<typeof createStudyHandlers>,
    disclosures: undefined as unknown as ReturnType<typeof createDisclosureHandlers>,
    db: undefined as unknown as ServerDatabase,
    disclosureLog: undefined as unknown as SqlDisclosureLog,
    blobStore: undefined as unknown as BoundBlobStore,
    nonces: undefined as unknown as NonceStore,
    quota: undefined as unknown as UploadQuota,
    trees: undefined as unknown as RecordTrees,
  };
  // Who signed in with each cookie (the author of what they upload), and each upload's root.
  const accountOf = new Map<string, PrivateKeyAccount>();
  const rootOf = new Map<string, Hex>();
  const chain = () => readChainConfig({ rpcUrl: t.anvil.rpcUrl }).chain;
  const testClient = () => createTestClient({ mode: 'anvil', chain: chain(), transport: http(t.anvil.rpcUrl) });

  beforeAll(async () => {
    t.anvil = await startAnvil({ port: options.port });
    await setupChain(t.anvil.rpcUrl);
    t.client = createPublicClient({ chain: chain(), transport: http(t.anvil.rpcUrl) }) as PublicClient;
    t.snapshot = await testClient().snapshot();
    t.db = await openDatabase({ dataDir: null });
  });
  afterAll(async () => {
    await t.db?.destroy();
    await t.anvil?.stop();
  });

  beforeEach(async () => {
    await testClient().revert({ id: t.snapshot });
    t.snapshot = await testClient().snapshot();
    t.storeDir = await mkdtemp(path.join(tmpdir(), 'ownchart-api-'));
    await emptyDatabase(t.db);
    const authorization = {
      accessRegistry: deployed.AccessRegistry,
      recordRoots: deployed.RecordRoots,
      emergencyAccess: deployed.EmergencyAccess,
    };
    t.pipeline = createPipeline({
      site: readSiteConfig({ OWNCHART_ORIGIN: BASE }, { isLocal: true }),
      sessionSecret: 'test-secret-0123456789abcdef',
      revocations: sqlSessionRevocations(t.db),
      limiter: sqlRateLimiter(t.db, { ...RATE_LIMITS, ...options.limits }),
    });
    t.nonces = new NonceStore(new Uint8Array(32).fill(7), sqlSpentNonces(t.db));
    t.auth = createAuthHandlers({ pipeline: t.pipeline, client: t.client, nonces: t.nonces, chainId: 31337 });
    t.disclosureLog = new SqlDisclosureLog(t.db);
    t.blobStore = new BoundBlobStore(t.db, new FsObjectStore(path.join(t.storeDir, 'blobs')));
    t.trees = createRecordTrees({
      client: t.client,
      recordRoots: deployed.RecordRoots,
      deployBlock: 0n,
      store: t.blobStore,
    });
    t.quota = createUploadQuota({
      store: t.blobStore,
      db: t.db,
      anchored: t.trees.anchoredIn,
      limitBytes: options.quotaBytes,
      graceMs: options.quotaGraceMs,
    });
    t.blobDeps = {
      pipeline: t.pipeline,
      store: t.blobStore,
      disclosures: logRecorder(t.disclosureLog),
      client: t.client,
      maxBytes: 1024,
      chain: authorization,
      trees: t.trees,
      quota: t.quota,
    };
    t.blobs = createBlobHandlers(t.blobDeps);
    t.keys = createKeyHandlers({
      pipeline: t.pipeline,
      store: new SqlKeyEnvelopeStore(t.db),
      disclosures: logRecorder(t.disclosureLog),
      client: t.client,
      chain: authorization,
    });
    const contributions = new BoundBlobStore(t.db, new FsObjectStore(path.join(t.storeDir, 'contributions')));
    t.studies = createStudyHandlers({
      pipeline: t.pipeline,
      documents: new BoundBlobStore(t.db, new FsObjectStore(path.join(t.storeDir, 'study-documents'))),
      contributions,
      contributionQuota: createUploadQuota({
        store: contributions,
        db: t.db,
        anchored: contributionAnchoredIn(t.client, deployed.ResearchStudies),
        limitBytes: options.quotaBytes,
      }),
      disclosures: logRecorder(t.disclosureLog),
      client: t.client,
      studies: deployed.ResearchStudies,
    });
    return () => rm(t.storeDir, { recursive: true, force: true });
  });

  async function send(account: PrivateKeyAccount, call: Record<string, unknown>) {
    const wallet = createWalletClient({ account, chain: chain(), transport: http(t.anvil.rpcUrl) });
    const hash = await wallet.writeContract(call as never);
    const receipt = await t.client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    if (receipt.status !== 'success') throw new Error(`${String(call.functionName)} reverted`);
  }

  /** A request as our own pages send it: same origin. */
  function post(url: string, init: RequestInit & { headers?: Record<string, string> }) {
    return new Request(url, { method: 'POST', ...init, headers: { origin: BASE, ...init.headers } });
  }

  async function signIn(
    account: PrivateKeyAccount,
    overrides: { domain?: string; nonce?: string; uri?: string; issuedAt?: Date; chainId?: number } = {},
  ) {
    const nonce =
      overrides.nonce ??
      ((await (await t.auth.nonce(new Request(`${BASE}/api/auth/nonce`))).json()) as { nonce: string }).nonce;
    const message = createSiweMessage({
      address: account.address,
      chainId: overrides.chainId ?? 31337,
      domain: overrides.domain ?? DOMAIN,
      nonce,
      uri: overrides.uri ?? BASE,
      version: '1',
      issuedAt: overrides.issuedAt ?? new Date(),
    });
    const signature = await account.signMessage({ message });
    const response = await t.auth.verify(
      post(`${BASE}/api/auth/verify`, {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message, signature }),
      }),
    );
    const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
    if (cookie) accountOf.set(cookie, account);
    return { response, cookie, nonce };
  }

  function uploadManifest(cookie: string, manifest: RecordManifest, owner: string = patient.address) {
    return t.blobs.uploadManifest(
      post(`${BASE}/api/blobs/manifests?patient=${owner}`, {
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(manifest),
      }),
    );
  }

  /**
   * Stores one record as an import of its own, as the browser does: the manifest of a one-record
   * tree by whoever holds `cookie`, then the blob. Answers the first response that is not 201.
   */
  async function upload(
    cookie: string,
    bytes: Uint8Array,
    {
      category = 0,
      hash = sha256Hex(bytes),
      owner = patient.address as string,
      manifest,
    }: { category?: number; hash?: Hex; owner?: string; manifest?: RecordManifest } = {},
  ) {
    const author = accountOf.get(cookie)?.address ?? patient.address;
    const tree =
      manifest ?? buildRecordManifest({ patient: owner as Hex, author, records: [{ contentHash: hash, category }] });
    const stored = await uploadManifest(cookie, tree, owner);
    if (stored.status !== 201) return stored;
    const { hash: manifestHash } = (await stored.json()) as { hash: Hex };
    rootOf.set(hash, tree.root);
    const response = await t.blobs.upload(
      post(`${BASE}/api/blobs?patient=${owner}`, {
        headers: { cookie, 'x-record-manifest': manifestHash },
        body: encodeFrames([{ hash, bytes }]) as BodyInit,
      }),
    );
    // The server answers how many it stored; a test of one record wants its hash.
    return response.status === 201 ? Response.json({ hash }, { status: 201 }) : response;
  }

  function download(cookie: string, hash: string, owner: string = patient.address) {
    return t.blobs.download(new Request(`${BASE}/api/blobs/${hash}?patient=${owner}`, { headers: { cookie } }), hash);
  }

  /** Anchors the root of the import `hashOrRoot` was uploaded in (or that root itself). */
  async function anchor(hashOrRoot: Hex, { by = patient, owner = patient.address as string } = {}) {
    await send(by, {
      address: deployed.RecordRoots,
      abi: recordRootsAbi,
      functionName: 'anchor',
      args: [owner, rootOf.get(hashOrRoot) ?? hashOrRoot],
    });
  }

  function readLeaves(cookie: string, owner: string = patient.address) {
    return t.blobs.leaves(
      post(`${BASE}/api/blobs/leaves`, {
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ patient: owner }),
      }),
    );
  }

  /** A batch read of `hashes`, or with null of every record of `owner` the reader may read. */
  function readMany(cookie: string, hashes: string[] | null, owner: string = patient.address) {
    return t.blobs.readMany(
      post(`${BASE}/api/blobs/read`, {
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(hashes ? { patient: owner, hashes } : { patient: owner }),
      }),
    );
  }

  function storeKeys(cookie: string, envelopes: KeyEnvelope[]) {
    return t.keys.store(
      post(`${BASE}/api/keys`, {
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ patient: patient.address, envelopes }),
      }),
    );
  }

  function listKeys(cookie: string) {
    return t.keys.list(new Request(`${BASE}/api/keys?patient=${patient.address}`, { headers: { cookie } }));
  }

  /** Permission 1 is read, 2 read-and-add. */
  async function grant(categories: number, expiresAt = 0, { grantee = clinician, permission = 1 } = {}) {
    await send(patient, {
      address: deployed.AccessRegistry,
      abi: accessRegistryAbi,
      functionName: 'grant',
      args: [patient.address, grantee.address, categories, permission, expiresAt],
    });
  }

  async function revoke(grantee: PrivateKeyAccount = clinician) {
    await send(patient, {
      address: deployed.AccessRegistry,
      abi: accessRegistryAbi,
      functionName: 'revoke',
      args: [patient.address, grantee.address],
    });
  }

  /**
   * Study 1 by the demo researcher, paying 1 unit per contribution, with 10 units of budget (a
   * contribution's reward is set aside from the budget when it is submitted).
   */
  async function publishFundedStudy(consent: Hex) {
    const now = Number((await t.client.getBlock()).timestamp);
    await send(researcher, {
      address: deployed.ResearchStudies,
      abi: researchStudiesAbi,
      functionName: 'publish',
      args: [deployed.RewardToken, 1n, 5, now + 86_400, 1, consent, consent],
    });
    await send(researcher, {
      address: deployed.RewardToken,
      abi: demoStableTokenAbi,
      functionName: 'approve',
      args: [deployed.ResearchStudies, 10n],
    });
    await send(researcher, {
      address: deployed.ResearchStudies,
      abi: researchStudiesAbi,
      functionName: 'fund',
      args: [1n, 10n],
    });
  }

  return {
    t,
    testClient,
    send,
    post,
    signIn,
    uploadManifest,
    upload,
    download,
    anchor,
    readLeaves,
    readMany,
    storeKeys,
    listKeys,
    grant,
    revoke,
    publishFundedStudy,
  };
}

/** The frames of a readMany answer, in order, damaged ones flagged (checked complete by parseFrames). */
export async function framesIn(response: Response): Promise<{ hash: string; damaged: boolean; bytes: Uint8Array }[]> {
  const blobs = parseFrames(new Uint8Array(await response.arrayBuffer()));
  return [...blobs].map(([hash, bytes]) =>
    bytes === DAMAGED ? { hash, damaged: true, bytes: new Uint8Array() } : { hash, damaged: false, bytes },
  );
}

/** The hashes in a readMany answer, each checked against its bytes. */
export async function hashesIn(response: Response): Promise<string[]> {
  return (await framesIn(response)).map((f) => (f.damaged ? `damaged:${f.hash}` : sha256Hex(f.bytes)));
}

/** The sentence in an OperationOutcome answer. */
export async function outcomeText(response: Response): Promise<string> {
  return ((await response.json()) as { issue: { details: { text: string } }[] }).issue[0]!.details.text;
}
