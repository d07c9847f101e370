import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HttpRequestError, keccak256, toHex, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { researchStudiesAbi } from '../../contracts-abi';
import { NonceStore } from '../auth/NonceStore';
import { recordScope } from '../storage/BlobStore';
import { sha256Hex } from '../storage/sha256Hex';
import { demoAccount } from '../wallet/demoAccounts';
import { createPipeline } from './pipeline';
import { sqlRateLimiter, sqlSpentNonces } from '../db/sqlServerState';
import { RATE_LIMITS } from './rateLimits';
import { createUploadQuota } from './uploadQuota';
import {
  BASE,
  clinician,
  deployed,
  framesIn,
  hashesIn,
  outcomeText,
  patient,
  setUpHandlerFixture,
} from './testing/handlerFixture';

// Each test is an attack from the audit (issue 11), tried against the real handlers, a real Anvil
// and real files. They fail on the code before the fix.
const { t, send, post, signIn, upload, download, anchor, readMany, grant, publishFundedStudy } = setUpHandlerFixture({
  port: 8550,
  quotaBytes: 32 * 1024,
});
const stranger = privateKeyToAccount(demoAccount('Researcher').privateKey);
const ciphertext = new TextEncoder().encode('the patient’s sealed record');

/** An upload quota with a one-minute grace time on a clock the test moves. */
function clockedQuota() {
  let clock = 1_000_000;
  const quota = createUploadQuota({
    store: t.blobStore,
    db: t.db,
    anchored: t.trees.anchoredIn,
    graceMs: 60_000,
    now: () => clock,
  });
  return { quota, advance: (ms: number) => void (clock += ms) };
}

async function storeAndAnchor(bytes: Uint8Array, category = 0): Promise<Hex> {
  const { cookie } = await signIn(patient);
  const { hash } = (await (await upload(cookie, bytes, { category })).json()) as { hash: Hex };
  await anchor(hash);
  return hash;
}

describe('a stranger who anchors a victim’s public root under their own address', () => {
  it('gets nothing: the blob is bound to the patient it was uploaded for', async () => {
    const hash = await storeAndAnchor(ciphertext);
    // RecordsAnchored made the root public; anchoring it for oneself is always allowed.
    await anchor(hash, { by: stranger, owner: stranger.address });
    const cookie = (await signIn(stranger)).cookie;
    expect((await download(cookie, hash, stranger.address)).status).toBe(404);
    expect(await hashesIn(await readMany(cookie, [hash], stranger.address))).toEqual([]);
    expect(await t.disclosureLog.entries()).toEqual([]);
    // Nor under the patient's name: they hold no grant.
    expect((await download(cookie, hash)).status).toBe(403);
  });

  it('cannot take a study contribution by claiming its hash as their own', async () => {
    const consent = sha256Hex(new TextEncoder().encode('consent'));
    await publishFundedStudy(consent);
    const extract = new TextEncoder().encode('victim’s extract');
    const hash = sha256Hex(extract);
    const victimCookie = (await signIn(patient)).cookie;
    await send(patient, {
      address: deployed.ResearchStudies,
      abi: researchStudiesAbi,
      functionName: 'enrol',
      args: [1n, consent],
    });
    await t.studies.uploadContribution(
      post(`${BASE}/api/contributions?study=1`, {
        headers: { cookie: victimCookie, 'x-content-sha256': hash },
        body: extract as BodyInit,
      }),
    );
    await send(patient, {
      address: deployed.ResearchStudies,
      abi: researchStudiesAbi,
      functionName: 'contribute',
      args: [1n, hash],
    });

    // The clinician enrols and contributes the victim's (public) hash as their own.
    await send(clinician, {
      address: deployed.ResearchStudies,
      abi: researchStudiesAbi,
      functionName: 'enrol',
      args: [1n, consent],
    });
    await send(clinician, {
      address: deployed.ResearchStudies,
      abi: researchStudiesAbi,
      functionName: 'contribute',
      args: [1n, hash],
    });
    const cookie = (await signIn(clinician)).cookie;
    const taken = await t.studies.downloadContribution(
      new Request(`${BASE}/api/contributions/${hash}?study=1&patient=${clinician.address}`, { headers: { cookie } }),
      hash,
    );
    expect(taken.status).toBe(404);
  });
});

describe('a writer who front-runs the patient’s anchor', () => {
  it('is never served: the root must be anchored by the account that uploaded its records', async () => {
    const { cookie } = await signIn(patient);
    const { hash } = (await (await upload(cookie, ciphertext, { category: 0 })).json()) as { hash: Hex };
    // The clinician, who may add labs, anchors the patient's pending root as their own.
    await grant(1 << 4, 0, { permission: 2 });
    await anchor(hash, { by: clinician });
    const clinicianCookie = (await signIn(clinician)).cookie;
    expect((await download(clinicianCookie, hash)).status).toBe(404);
    expect(await hashesIn(await readMany(clinicianCookie, [hash]))).toEqual([]);
  });
});

describe('Sign-In with Ethereum bound to the configured site', () => {
  it('refuses a message a phishing site collected, even with a spoofed Host header', async () => {
    const nonce = ((await (await t.auth.nonce(new Request(`${BASE}/api/auth/nonce`))).json()) as { nonce: string })
      .nonce;
    const { createSiweMessage } = await import('viem/siwe');
    const message = createSiweMessage({
      address: patient.address,
      chainId: 31337,
      domain: 'ownchart-login.example',
      uri: 'https://ownchart-login.example',
      nonce,
      version: '1',
    });
    const response = await t.auth.verify(
      post(`${BASE}/api/auth/verify`, {
        headers: { 'content-type': 'application/json', host: 'ownchart-login.example' },
        body: JSON.stringify({ message, signature: await patient.signMessage({ message }) }),
      }),
    );
    expect(response.status).toBe(401);
    expect(await outcomeText(response)).toMatch(/another site/);
  });

  it('refuses another URI, another chain, a future or stale issue time', async () => {
    const cases = [
      [{ uri: 'https://evil.example/login' }, /another site’s address/],
      [{ chainId: 1 }, /another network/],
      [{ issuedAt: new Date(Date.now() + 10 * 60_000) }, /future/],
      [{ issuedAt: new Date(Date.now() - 60 * 60_000) }, /too old/],
    ] as const;
    for (const [override, sentence] of cases) {
      const { response } = await signIn(patient, override);
      expect(response.status).toBe(401);
      expect(await outcomeText(response)).toMatch(sentence);
    }
  });

  it('ends a session on the server at sign-out: a copied cookie stops working', async () => {
    const { cookie } = await signIn(patient);
    const out = await t.auth.signOut(
      new Request(`${BASE}/api/auth/session`, { method: 'DELETE', headers: { cookie, origin: BASE } }),
    );
    expect(out.status).toBe(204);
    expect((await t.auth.session(new Request(`${BASE}/api/auth/session`, { headers: { cookie } }))).status).toBe(401);
    expect((await upload(cookie, ciphertext)).status).toBe(401);
  });
});

describe('cross-site requests', () => {
  it('refuse state-changing requests without our Origin, and JSON routes without JSON', async () => {
    const { cookie } = await signIn(patient);
    const hash = sha256Hex(ciphertext);
    const foreign = (origin?: string) =>
      t.blobs.upload(
        new Request(`${BASE}/api/blobs?patient=${patient.address}&category=0`, {
          method: 'POST',
          headers: { cookie, 'x-content-sha256': hash, ...(origin ? { origin } : {}) },
          body: ciphertext as BodyInit,
        }),
      );
    expect((await foreign('https://evil.example')).status).toBe(403);
    expect((await foreign()).status).toBe(403);
    const form = await t.blobs.readMany(
      post(`${BASE}/api/blobs/read`, {
        headers: { cookie, 'content-type': 'text/plain' },
        body: JSON.stringify({ patient: patient.address, hashes: [hash] }),
      }),
    );
    expect(form.status).toBe(415);
  });
});

describe('bounded work per request and per account', () => {
  it('reads a hash asked for 250 times once, and streams the answer', async () => {
    const hash = await storeAndAnchor(ciphertext);
    const { cookie } = await signIn(patient);
    const response = await readMany(
      cookie,
      Array.from({ length: 250 }, () => hash),
    );
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect(await hashesIn(response)).toEqual([hash]);
  });

  it('refuses unanchored uploads past the quota, and frees it once they are anchored', async () => {
    const { cookie } = await signIn(patient);
    const blob = (i: number) => new Uint8Array(1000).fill(i);
    // Each is an import of its own: its manifest and its blob count against one allowance.
    let accepted = 0;
    let over: Response | undefined;
    for (let i = 1; i <= 20 && !over; i++) {
      const response = await upload(cookie, blob(i));
      if (response.status === 201) accepted += 1;
      else over = response;
    }
    expect(accepted).toBeGreaterThanOrEqual(2);
    expect(over?.status).toBe(413);
    expect(await outcomeText(over!)).toMatch(/not yet anchored/);
    await anchor(sha256Hex(blob(1)));
    expect((await upload(cookie, blob(accepted + 1))).status).toBe(201);
  });

  it('answers 429 with Retry-After once an account passes its limit, from whatever address', async () => {
    const limited = createPipeline({
      ...t.pipeline.config,
      limiter: sqlRateLimiter(t.db, { ...RATE_LIMITS, read: { perAccount: 2, perClient: 100, windowSeconds: 60 } }),
    });
    const ping = limited.endpoint({ limit: 'read', signIn: 'Sign in.' }, () => new Response('ok'));
    const { cookie } = await signIn(patient);
    const from = (address: string) => new Request(`${BASE}/x`, { headers: { cookie, 'x-forwarded-for': address } });
    expect((await ping(from('203.0.113.1'))).status).toBe(200);
    expect((await ping(from('203.0.113.2'))).status).toBe(200);
    // A third address does not reset the account's count.
    const refused = await ping(from('203.0.113.3'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await outcomeText(refused)).toMatch(/Too many requests/);
  });

  it('limits each client address on its own, before any sign-in', async () => {
    const perClient = createPipeline({
      ...t.pipeline.config,
      limiter: sqlRateLimiter(t.db, { ...RATE_LIMITS, auth: { perAccount: 100, perClient: 2, windowSeconds: 60 } }),
    }).endpoint({ limit: 'auth' }, () => new Response('ok'));
    const from = (address: string) => new Request(`${BASE}/x`, { headers: { 'x-forwarded-for': address } });
    await perClient(from('198.51.100.7'));
    await perClient(from('198.51.100.7'));
    expect((await perClient(from('198.51.100.7'))).status).toBe(429);
    expect((await perClient(from('198.51.100.8'))).status).toBe(200);
  });

  it('keeps no memory for nonces asked for, so a flood cannot push out a pending sign-in', async () => {
    const key = new Uint8Array(32).fill(1);
    const nonces = new NonceStore(key, sqlSpentNonces(t.db), 60_000);
    const pending = nonces.issue(0);
    for (let i = 0; i < 20_000; i++) nonces.issue(0);
    const remembered = async () =>
      Number(
        (
          await t.db
            .selectFrom('spent_nonces')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await remembered()).toBe(0);
    expect(await nonces.consume(pending, 1)).toBe(true);
    expect(await nonces.consume(pending, 2)).toBe(false);
    // Another server of the same site (same key, same database) refuses it too.
    expect(await new NonceStore(key, sqlSpentNonces(t.db), 60_000).consume(pending, 3)).toBe(false);
    expect(await remembered()).toBe(1);
    // Forged, altered or expired nonces are refused.
    expect(await nonces.consume(`${pending.slice(0, -1)}${pending.at(-1) === '0' ? '1' : '0'}`, 1)).toBe(false);
    // A nonce made under another site's key does not verify here.
    const elsewhere = new NonceStore(new Uint8Array(32).fill(2), sqlSpentNonces(t.db), 60_000);
    expect(await nonces.consume(elsewhere.issue(0), 1)).toBe(false);
    expect(await nonces.consume(nonces.issue(0), 60_000)).toBe(false);
  });

  it('counts parallel uploads against one allowance, so together they cannot pass it', async () => {
    const quota = createUploadQuota({
      store: t.blobStore,
      db: t.db,
      anchored: async (_scope, hashes) => hashes.map(() => false),
      limitBytes: 1_000,
    });
    const scope = recordScope(patient.address);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        quota.reserve({ scope, uploader: patient.address, hash: sha256Hex(new Uint8Array([i])), bytes: 300 }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
  });

  it('starts the wait again when an upload is sent again, so a retried import is not swept', async () => {
    const { quota, advance } = clockedQuota();
    const scope = recordScope(patient.address);
    const bytes = new Uint8Array(100).fill(3);
    const upload = { scope, uploader: patient.address, hash: sha256Hex(bytes), bytes: bytes.length };
    await quota.reserve(upload);
    await t.blobStore.put(scope, bytes, { uploader: patient.address, category: 0, root: keccak256(bytes) });
    advance(50_000);
    await quota.reserve(upload); // the retry
    advance(50_000);
    await quota.sweep();
    expect(await t.blobStore.binding(scope, upload.hash)).not.toBeNull();
  });

  it('collects unanchored uploads past their grace time in the background, never anchored ones', async () => {
    const { quota, advance } = clockedQuota();
    const scope = recordScope(patient.address);
    const stored = async (bytes: Uint8Array, root: Hex) => {
      await quota.reserve({ scope, uploader: patient.address, hash: sha256Hex(bytes), bytes: bytes.length });
      await t.blobStore.put(scope, bytes, { uploader: patient.address, category: 0, root });
      return sha256Hex(bytes);
    };
    const keptRoot = keccak256(toHex('kept import'));
    const kept = await stored(new Uint8Array(100).fill(1), keptRoot);
    const abandoned = await stored(new Uint8Array(100).fill(2), keccak256(toHex('abandoned import')));
    await anchor(keptRoot);
    await quota.sweep();
    expect(await t.blobStore.binding(scope, abandoned)).not.toBeNull(); // within its grace time
    advance(61_000);
    await quota.sweep();
    expect(await t.blobStore.binding(scope, abandoned)).toBeNull();
    expect(await t.blobStore.binding(scope, kept)).not.toBeNull();
  });
});

describe('anchoring the disclosure log on demand', () => {
  it('is refused to an account with nothing of its own to anchor', async () => {
    const { createDisclosureHandlers } = await import('./createDisclosureHandlers');
    let sent = 0;
    const handlers = createDisclosureHandlers({
      pipeline: t.pipeline,
      log: t.disclosureLog,
      client: t.client,
      anchors: deployed.DisclosureAnchors,
      anchorer: {
        anchorNow: async () => {
          sent += 1;
          return { count: 1, head: null };
        },
        maybeAnchor: () => undefined,
      },
    });
    const anchorNow = (cookie: string) =>
      handlers.anchorNow(post(`${BASE}/api/disclosures/anchor`, { headers: { cookie } }));
    const strangerCookie = (await signIn(stranger)).cookie;
    expect((await anchorNow(strangerCookie)).status).toBe(409);
    expect(sent).toBe(0);

    // A patient whose record was read may ask, a few times an hour.
    const hash = await storeAndAnchor(ciphertext);
    await grant(1);
    await download((await signIn(clinician)).cookie, hash);
    const patientCookie = (await signIn(patient)).cookie;
    expect((await anchorNow(patientCookie)).status).toBe(200);
    // Once per interval on demand, whoever asks: many accounts in turn cannot make it pay more.
    const again = await anchorNow(patientCookie);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sent).toBe(1);
  });
});

describe('one damaged stored file', () => {
  it('costs that record only: the others are served, the damaged one is flagged, never its bytes', async () => {
    const good = await storeAndAnchor(new TextEncoder().encode('a good record'));
    const bad = await storeAndAnchor(ciphertext);
    const file = path.join(
      t.storeDir,
      'blobs',
      ...recordScope(patient.address).split('/'),
      bad.slice(2, 4),
      bad.slice(2),
    );
    await writeFile(file, 'bit rot');
    const { cookie } = await signIn(patient);
    const frames = await framesIn(await readMany(cookie, [bad, good]));
    expect(frames.map((f) => [f.hash, f.damaged])).toEqual([
      [bad, true],
      [good, false],
    ]);
    const single = await download(cookie, bad);
    expect(single.status).toBe(409);
    expect(await outcomeText(single)).toMatch(/damaged/);
  });
});

describe('break-glass reasons', () => {
  it('are revealed only by the responder of a matching window, and read only by the patient', async () => {
    const { createEmergencyHandlers } = await import('./createEmergencyHandlers');
    const { sqlEmergencyReasonStore } = await import('../db/SqlEmergencyReasonStore');
    const { commitReason } = await import('../emergency/reasonCommitment');
    const handlers = createEmergencyHandlers({
      pipeline: t.pipeline,
      reasons: sqlEmergencyReasonStore(t.db),
      client: t.client,
      emergencyAccess: deployed.EmergencyAccess,
    });
    const reveal = (cookie: string, body: object) =>
      handlers.reveal(
        post(`${BASE}/api/emergency/reasons`, {
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const list = (cookie: string) =>
      handlers.list(new Request(`${BASE}/api/emergency/reasons?patient=${patient.address}`, { headers: { cookie } }));
    // A stranger with no window on the patient cannot put a reason in the patient's record.
    const made = commitReason({ patient: patient.address, responder: stranger.address, code: 2 });
    const strangerCookie = (await signIn(stranger)).cookie;
    const refused = await reveal(strangerCookie, { patient: patient.address, code: 2, salt: made.salt });
    expect(refused.status).toBe(422);
    // Nor read the patient's reasons.
    expect((await list(strangerCookie)).status).toBe(403);
    const own = await list((await signIn(patient)).cookie);
    expect(((await own.json()) as { reasons: unknown[] }).reasons).toEqual([]);
  });
});

describe('failures answer a sentence, never an empty 500', () => {
  it('maps an unreachable node to 503 and anything else to 500, both as OperationOutcome', async () => {
    const pipeline = t.pipeline;
    const down = pipeline.endpoint({ limit: 'read' }, () => {
      throw new HttpRequestError({ url: 'http://127.0.0.1:1', details: 'fetch failed' });
    });
    const broken = pipeline.endpoint({ limit: 'read' }, () => {
      throw new Error('disk full');
    });
    const unavailable = await down(new Request(`${BASE}/x`));
    expect(unavailable.status).toBe(503);
    expect(await outcomeText(unavailable)).toMatch(/node cannot be reached/);
    const failed = await broken(new Request(`${BASE}/x`));
    expect(failed.status).toBe(500);
    expect(((await failed.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
  });
});
