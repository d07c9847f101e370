import 'server-only';
import { hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPublicClient, createWalletClient, http, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createAuthHandlers } from '@/lib/api/createAuthHandlers';
import { createDisclosureHandlers } from '@/lib/api/createDisclosureHandlers';
import { createEmergencyHandlers } from '@/lib/api/createEmergencyHandlers';
import { logRecorder } from '@/lib/audit/DisclosureRecorder';
import { createLogAnchorer } from '@/lib/audit/logAnchors';
import { DEMO_ACCOUNTS } from '@/lib/wallet/demoAccounts';
import { createBlobHandlers } from '@/lib/api/createBlobHandlers';
import { createKeyHandlers } from '@/lib/api/createKeyHandlers';
import { createStudyHandlers, MAX_CONTRIBUTION_BYTES } from '@/lib/api/createStudyHandlers';
import { createPipeline, type Pipeline } from '@/lib/api/pipeline';
import { createRecordTrees } from '@/lib/api/recordTrees';
import { RATE_LIMITS } from '@/lib/api/rateLimits';
import { createUploadQuota, type UploadQuota } from '@/lib/api/uploadQuota';
import { NonceStore } from '@/lib/auth/NonceStore';
import { chainConfig } from '@/lib/chain/chainConfig';
import { chainTransport } from '@/lib/chain/chainTransport';
import { createDatabase, databaseConfigFromEnv, migrateDatabase } from '@/lib/db/openDatabase';
import { refuseFileStateOf } from '@/lib/db/refuseFileState';
import { SqlDisclosureLog } from '@/lib/db/SqlDisclosureLog';
import { sqlEmergencyReasonStore } from '@/lib/db/SqlEmergencyReasonStore';
import { SqlKeyEnvelopeStore } from '@/lib/db/SqlKeyEnvelopeStore';
import { sqlExclusive, sqlRateLimiter, sqlSessionRevocations, sqlSpentNonces } from '@/lib/db/sqlServerState';
import { siteConfigFromEnv } from '@/lib/server/readSiteConfig';
import { contributionAnchoredIn } from '@/lib/storage/contributionAnchoredIn';
import { BoundBlobStore } from '@/lib/storage/BoundBlobStore';
import { objectStoreFromEnv } from '@/lib/storage/objectStoreFromEnv';

const dataDir = process.env.OWNCHART_DATA_DIR ?? path.join(process.cwd(), '.data');

/**
 * OWNCHART_SESSION_SECRET, or a random secret kept in the data directory across restarts (and
 * shared by servers on the same directory: the first to start writes it, the others read it).
 */
function sessionSecret(): string {
  const secret = process.env.OWNCHART_SESSION_SECRET ?? secretFromDataDir();
  // The session HMAC and the sign-in nonce key come from it: a short one would let anyone forge both.
  if (!/^[0-9a-f]{64,}$/i.test(secret.trim())) {
    throw new Error('OWNCHART_SESSION_SECRET (or <data dir>/session-secret) must be at least 32 bytes of hex.');
  }
  return secret.trim();
}

function secretFromDataDir(): string {
  const file = path.join(dataDir, 'session-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    // Written whole under a name of its own, then linked into place: no server reads half a secret.
    const draft = `${file}.${randomUUID()}.tmp`;
    writeFileSync(draft, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  return readFileSync(file, 'utf8');
}

const client = createPublicClient({ chain: chainConfig.chain, transport: chainTransport(chainConfig) }) as PublicClient;
/** Shared state: PostgreSQL at DATABASE_URL (several servers), else PGlite in the data directory. Connects on first query. */
// One per process, even when a dev server re-evaluates this module: PGlite has one user at a time.
const processGlobal = globalThis as typeof globalThis & { ownchartDatabase?: ReturnType<typeof createDatabase> };
const db = (processGlobal.ownchartDatabase ??= createDatabase(databaseConfigFromEnv(dataDir)));
let migrated: Promise<void> | undefined;
/** Migrates once per process; a failure (database down at start) is tried again on the next request. */
function databaseReady(): Promise<void> {
  migrated ??= refuseFileStateOf(dataDir)
    .then(() => migrateDatabase(db))
    .catch((error: unknown) => {
      migrated = undefined;
      throw error;
    });
  return migrated;
}
const revocations = sqlSessionRevocations(db);
const limiter = sqlRateLimiter(db, RATE_LIMITS);
// Made on first request, not at import: `next build` imports route modules too.
let pipeline: Pipeline | undefined;
let auth: ReturnType<typeof createAuthHandlers> | undefined;
let blobs: ReturnType<typeof createBlobHandlers> | undefined;
let keys: ReturnType<typeof createKeyHandlers> | undefined;
let studies: ReturnType<typeof createStudyHandlers> | undefined;
let emergency: ReturnType<typeof createEmergencyHandlers> | undefined;
let disclosureHandlers: ReturnType<typeof createDisclosureHandlers> | undefined;

const disclosureLog = new SqlDisclosureLog(db);

/**
 * The operator key that anchors the disclosure log: OWNCHART_OPERATOR_KEY, or on the local chain
 * the Anvil deployer's published key (which deployed DisclosureAnchors with itself as operator).
 */
function operatorKey(): Hex | null {
  if (process.env.OWNCHART_OPERATOR_KEY) return process.env.OWNCHART_OPERATOR_KEY as Hex;
  return chainConfig.isLocal ? DEMO_ACCOUNTS[0]!.privateKey : null;
}

/** Any number, the same on every server, distinct from the log's append lock: who is anchoring. */
const ANCHOR_LOCK = 7_012_312;

const anchorer = (() => {
  const key = operatorKey();
  if (!key || !chainConfig.disclosureAnchors) return null;
  const wallet = createWalletClient({
    account: privateKeyToAccount(key),
    chain: chainConfig.chain,
    transport: http(chainConfig.rpcUrl),
  });
  return createLogAnchorer({
    log: disclosureLog,
    client,
    wallet,
    address: chainConfig.disclosureAnchors,
    // Servers sharing a PostgreSQL take turns; PGlite has one server, whose anchorer already does.
    exclusive: process.env.DATABASE_URL ? sqlExclusive(db, ANCHOR_LOCK) : undefined,
  });
})();

/** Every read by someone other than the patient goes through here before it is served. */
const disclosures = logRecorder(disclosureLog, () => anchorer?.maybeAnchor());

/** Collects unanchored uploads past their grace time every ten minutes, in the background. */
function sweepEvery(quota: UploadQuota, everyMs = 10 * 60_000) {
  setInterval(() => {
    quota.sweep().catch((error: unknown) => console.error('Collecting unanchored uploads failed:', error));
  }, everyMs).unref();
}

/** Session → origin → rate limit → handler → OperationOutcome, for every route. */
function requestPipeline(): Pipeline {
  pipeline ??= createPipeline({
    // Which site we are comes from configuration, never from the request's Host header.
    site: siteConfigFromEnv({ isLocal: chainConfig.isLocal }),
    sessionSecret: sessionSecret(),
    revocations,
    limiter,
    ready: databaseReady,
  });
  return pipeline;
}

/** Sign-In with Ethereum for the configured site. */
export function authHandlers() {
  auth ??= createAuthHandlers({
    pipeline: requestPipeline(),
    client,
    // Every server of the site derives the same key from the shared session secret.
    nonces: new NonceStore(
      new Uint8Array(hkdfSync('sha256', sessionSecret(), '', 'OwnChart SIWE nonces', 32)),
      sqlSpentNonces(db),
    ),
    chainId: chainConfig.chain.id,
  });
  return auth;
}

function chainAuthorization() {
  if (!chainConfig.recordRoots) {
    throw new Error(`No RecordRoots on chain ${chainConfig.chain.id}: set NEXT_PUBLIC_RECORD_ROOTS_ADDRESS`);
  }
  return {
    accessRegistry: chainConfig.accessRegistry,
    recordRoots: chainConfig.recordRoots,
    emergencyAccess: chainConfig.emergencyAccess,
  };
}

/** Blob handlers backed by the data directory on disk. */
export function blobHandlers() {
  if (!blobs) {
    const chain = chainAuthorization();
    const store = new BoundBlobStore(db, objectStoreFromEnv(dataDir, 'blobs'));
    const trees = createRecordTrees({
      client,
      recordRoots: chain.recordRoots,
      deployBlock: chainConfig.deployBlock,
      store,
    });
    const quota = createUploadQuota({ store, db, anchored: trees.anchoredIn });
    sweepEvery(quota);
    blobs = createBlobHandlers({ pipeline: requestPipeline(), store, disclosures, client, chain, trees, quota });
  }
  return blobs;
}

/** Key envelope handlers backed by the data directory on disk. */
export function keyHandlers() {
  keys ??= createKeyHandlers({
    pipeline: requestPipeline(),
    store: new SqlKeyEnvelopeStore(db),
    disclosures,
    client,
    chain: chainAuthorization(),
  });
  return keys;
}

/** Research handlers: study documents and contributions, each in its own directory. */
export function studyHandlers() {
  if (!chainConfig.research) {
    throw new Error(`No ResearchStudies on chain ${chainConfig.chain.id}: set NEXT_PUBLIC_RESEARCH_STUDIES_ADDRESS`);
  }
  if (!studies) {
    const contributions = new BoundBlobStore(db, objectStoreFromEnv(dataDir, 'contributions'));
    const contributionQuota = createUploadQuota({
      store: contributions,
      db,
      anchored: contributionAnchoredIn(client, chainConfig.research.studies),
      limitBytes: 2 * MAX_CONTRIBUTION_BYTES,
    });
    sweepEvery(contributionQuota);
    studies = createStudyHandlers({
      pipeline: requestPipeline(),
      documents: new BoundBlobStore(db, objectStoreFromEnv(dataDir, 'study-documents')),
      contributions,
      contributionQuota,
      disclosures,
      client,
      studies: chainConfig.research.studies,
    });
  }
  return studies;
}

/** "Who read my records" and anchoring the disclosure log on demand. */
export function disclosureHandlersFor() {
  disclosureHandlers ??= createDisclosureHandlers({
    pipeline: requestPipeline(),
    log: disclosureLog,
    client,
    anchors: chainConfig.disclosureAnchors,
    anchorer,
  });
  return disclosureHandlers;
}

/** Break-glass reasons, revealed by responders and read by patients. */
export function emergencyHandlers() {
  if (!chainConfig.emergencyAccess) {
    throw new Error(`No EmergencyAccess on chain ${chainConfig.chain.id}: set NEXT_PUBLIC_EMERGENCY_ACCESS_ADDRESS`);
  }
  emergency ??= createEmergencyHandlers({
    pipeline: requestPipeline(),
    reasons: sqlEmergencyReasonStore(db),
    client,
    emergencyAccess: chainConfig.emergencyAccess,
  });
  return emergency;
}
