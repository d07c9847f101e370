import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPublicClient, createWalletClient, http, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createAuthHandlers } from '@/lib/api/createAuthHandlers';
import { createDisclosureHandlers } from '@/lib/api/createDisclosureHandlers';
import { logRecorder } from '@/lib/audit/DisclosureRecorder';
import { FsDisclosureLog } from '@/lib/audit/FsDisclosureLog';
import { createLogAnchorer } from '@/lib/audit/logAnchors';
import { DEMO_ACCOUNTS } from '@/lib/wallet/demoAccounts';
import { createBlobHandlers } from '@/lib/api/createBlobHandlers';
import { createKeyHandlers } from '@/lib/api/createKeyHandlers';
import { createStudyHandlers } from '@/lib/api/createStudyHandlers';
import { NonceStore } from '@/lib/auth/NonceStore';
import { chainConfig } from '@/lib/chain/chainConfig';
import { FsBlobStore } from '@/lib/storage/FsBlobStore';
import { FsKeyEnvelopeStore } from '@/lib/storage/FsKeyEnvelopeStore';

const dataDir = process.env.OWNCHART_DATA_DIR ?? path.join(process.cwd(), '.data');

/** OWNCHART_SESSION_SECRET, or a random secret kept in the data directory across restarts. */
function sessionSecret(): string {
  if (process.env.OWNCHART_SESSION_SECRET) return process.env.OWNCHART_SESSION_SECRET;
  const file = path.join(dataDir, 'session-secret');
  try {
    return readFileSync(file, 'utf8');
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

const client = createPublicClient({ chain: chainConfig.chain, transport: http(chainConfig.rpcUrl) }) as PublicClient;
const nonces = new NonceStore();
// Made on first request, not at import: `next build` imports route modules too.
let secret: string | undefined;
let blobs: ReturnType<typeof createBlobHandlers> | undefined;
let keys: ReturnType<typeof createKeyHandlers> | undefined;
let studies: ReturnType<typeof createStudyHandlers> | undefined;
let disclosureHandlers: ReturnType<typeof createDisclosureHandlers> | undefined;

const disclosureLog = new FsDisclosureLog(path.join(dataDir, 'disclosures'));

/**
 * The operator key that anchors the disclosure log: OWNCHART_OPERATOR_KEY, or on the local chain
 * the Anvil deployer's published key (which deployed DisclosureAnchors with itself as operator).
 */
function operatorKey(): Hex | null {
  if (process.env.OWNCHART_OPERATOR_KEY) return process.env.OWNCHART_OPERATOR_KEY as Hex;
  return chainConfig.isLocal ? DEMO_ACCOUNTS[0]!.privateKey : null;
}

const anchorer = (() => {
  const key = operatorKey();
  if (!key || !chainConfig.disclosureAnchors) return null;
  const wallet = createWalletClient({
    account: privateKeyToAccount(key),
    chain: chainConfig.chain,
    transport: http(chainConfig.rpcUrl),
  });
  return createLogAnchorer({ log: disclosureLog, client, wallet, address: chainConfig.disclosureAnchors });
})();

/** Every read by someone other than the patient goes through here before it is served. */
const disclosures = logRecorder(disclosureLog, () => anchorer?.maybeAnchor());

/** Auth handlers bound to this request's host: a SIWE message must name the site it was signed for. */
export function authHandlers(request: Request) {
  // The Host header is what the browser saw; Next's request.url may name another local alias.
  const domain = process.env.OWNCHART_DOMAIN ?? request.headers.get('host') ?? new URL(request.url).host;
  secret ??= sessionSecret();
  return createAuthHandlers({ client, nonces, sessionSecret: secret, domain, chainId: chainConfig.chain.id });
}

function chainAuthorization() {
  if (!chainConfig.recordIndex) {
    throw new Error(`No RecordIndex on chain ${chainConfig.chain.id}: set NEXT_PUBLIC_RECORD_INDEX_ADDRESS`);
  }
  return {
    accessRegistry: chainConfig.accessRegistry,
    recordIndex: chainConfig.recordIndex,
    emergencyAccess: chainConfig.emergencyAccess,
  };
}

/** Blob handlers backed by the data directory on disk. */
export function blobHandlers() {
  secret ??= sessionSecret();
  blobs ??= createBlobHandlers({
    store: new FsBlobStore(path.join(dataDir, 'blobs')),
    disclosures,
    client,
    sessionSecret: secret,
    chain: chainAuthorization(),
  });
  return blobs;
}

/** Key envelope handlers backed by the data directory on disk. */
export function keyHandlers() {
  secret ??= sessionSecret();
  keys ??= createKeyHandlers({
    store: new FsKeyEnvelopeStore(path.join(dataDir, 'envelopes')),
    disclosures,
    client,
    sessionSecret: secret,
    chain: chainAuthorization(),
  });
  return keys;
}

/** Research handlers: study documents and contributions, each in its own directory. */
export function studyHandlers() {
  if (!chainConfig.research) {
    throw new Error(`No ResearchStudies on chain ${chainConfig.chain.id}: set NEXT_PUBLIC_RESEARCH_STUDIES_ADDRESS`);
  }
  secret ??= sessionSecret();
  studies ??= createStudyHandlers({
    documents: new FsBlobStore(path.join(dataDir, 'study-documents')),
    contributions: new FsBlobStore(path.join(dataDir, 'contributions')),
    client,
    studies: chainConfig.research.studies,
    sessionSecret: secret,
  });
  return studies;
}

/** "Who read my records" and anchoring the disclosure log on demand. */
export function disclosureHandlersFor() {
  secret ??= sessionSecret();
  disclosureHandlers ??= createDisclosureHandlers({
    log: disclosureLog,
    client,
    anchors: chainConfig.disclosureAnchors,
    anchorer,
    sessionSecret: secret,
  });
  return disclosureHandlers;
}
