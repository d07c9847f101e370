import { parseEventLogs, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { recordRootsAbi } from '../../contracts-abi';
import type { ContentHash } from '../storage/BlobStore';
import { encodeFrames } from '../storage/blobFrames';
import { sha256Hex } from '../storage/sha256Hex';
import { buildRecordManifest, verifyLeaves, type LeafProof } from '../vault/recordTree';
import { createRecordTrees } from './recordTrees';
import { clinician, deployed, hashesIn, outcomeText, patient, setUpHandlerFixture } from './testing/handlerFixture';

// Records v2 (one Merkle root per import) from the attacker's side: what the storage server
// refuses at upload, what it serves, and what the chain shows an observer.
const { t, post, signIn, uploadManifest, upload, anchor, readLeaves, readMany, grant, revoke } = setUpHandlerFixture({
  port: 8551,
});
const blob = (text: string) => new TextEncoder().encode(text);
const READ = 1;
const READ_WRITE = 2;

async function manifestHashOf(response: Response): Promise<ContentHash> {
  expect(response.status).toBe(201);
  return ((await response.json()) as { hash: ContentHash }).hash;
}

/** One blob, under the manifest `manifest` (the import's category for it is in the manifest). */
function uploadBlob(cookie: string, bytes: Uint8Array, manifest: ContentHash) {
  return t.blobs.upload(
    post(`http://127.0.0.1:3000/api/blobs?patient=${patient.address}`, {
      headers: { cookie, 'x-record-manifest': manifest },
      body: encodeFrames([{ hash: sha256Hex(bytes), bytes }]) as BodyInit,
    }),
  );
}

describe('a leaf that does not belong to an import of that patient is refused at upload', () => {
  it('refuses a manifest for another patient, by another author, or whose leaves do not make its root', async () => {
    const { cookie } = await signIn(patient);
    const records = [{ contentHash: sha256Hex(blob('a')), category: 0 }];
    const forClinician = buildRecordManifest({ patient: clinician.address, author: patient.address, records });
    const response = await uploadManifest(cookie, forClinician);
    expect(response.status).toBe(422);
    expect(await outcomeText(response)).toMatch(/another patient/);

    const byClinician = buildRecordManifest({ patient: patient.address, author: clinician.address, records });
    expect(await outcomeText(await uploadManifest(cookie, byClinician))).toMatch(/another author/);

    const honest = buildRecordManifest({ patient: patient.address, author: patient.address, records });
    const forged = {
      ...honest,
      root: buildRecordManifest({ patient: patient.address, author: patient.address, records }).root,
    };
    expect(await outcomeText(await uploadManifest(cookie, forged))).toMatch(/do not make the root/);
  });

  it('refuses a blob its manifest does not list, under no manifest, or under someone else’s manifest', async () => {
    const { cookie } = await signIn(patient);
    const listed = blob('listed record');
    const manifest = buildRecordManifest({
      patient: patient.address,
      author: patient.address,
      records: [{ contentHash: sha256Hex(listed), category: 4 }],
    });
    const hash = await manifestHashOf(await uploadManifest(cookie, manifest));
    expect((await uploadBlob(cookie, blob('not listed'), hash)).status).toBe(422);
    expect((await uploadBlob(cookie, listed, sha256Hex(blob('no such manifest')))).status).toBe(422);

    // A writer allowed labs names the patient's manifest for the same bytes: not theirs to use.
    await grant(1 << 4, 0, { permission: READ_WRITE });
    const writer = (await signIn(clinician)).cookie;
    const refused = await uploadBlob(writer, listed, hash);
    expect(refused.status).toBe(422);
    expect(await outcomeText(refused)).toMatch(/manifest of this import first/);
    expect((await uploadBlob(cookie, listed, hash)).status).toBe(201);

    // Nor does it vouch for the same bytes in anyone else's records, even the uploader's own.
    const intoOwn = await t.blobs.upload(
      post(`http://127.0.0.1:3000/api/blobs?patient=${clinician.address}`, {
        headers: { cookie: writer, 'x-record-manifest': hash },
        body: encodeFrames([{ hash: sha256Hex(listed), bytes: listed }]) as BodyInit,
      }),
    );
    expect(intoOwn.status).toBe(422);
  });
});

describe('a writer who tries to add records outside their grant', () => {
  it('is refused at upload in a category they may not write', async () => {
    await grant(1 << 4, 0, { permission: READ_WRITE });
    const { cookie } = await signIn(clinician);
    const refused = await upload(cookie, blob('a diagnosis, slipped in'), { category: 0 });
    expect(refused.status).toBe(403);
    expect((await upload(cookie, blob('a lab result'), { category: 4 })).status).toBe(201);
  });

  it('is never served a record outside the scope they held when they anchored it', async () => {
    // Allowed conditions and labs when uploading; narrowed to labs before anchoring.
    await grant((1 << 0) | (1 << 4), 0, { permission: READ_WRITE });
    const { cookie } = await signIn(clinician);
    const condition = blob('a diagnosis uploaded while allowed');
    const { hash } = (await (await upload(cookie, condition, { category: 0 })).json()) as { hash: Hex };
    await grant(1 << 4, 0, { permission: READ_WRITE });
    await anchor(hash, { by: clinician });
    const patientCookie = (await signIn(patient)).cookie;
    expect(await hashesIn(await readMany(patientCookie, [hash]))).toEqual([]);
    const { imports } = (await (await readLeaves(patientCookie)).json()) as { imports: LeafProof[] };
    const records = imports.flatMap((i) => i.leaves).filter((l) => l.kind === 'record');
    expect(records).toEqual([]);
  });
});

describe('listing an import’s leaves', () => {
  async function importOfThree() {
    const { cookie } = await signIn(patient);
    const bytes = [blob('condition'), blob('lab one'), blob('lab two')];
    const categories = [0, 4, 4];
    const manifest = buildRecordManifest({
      patient: patient.address,
      author: patient.address,
      records: bytes.map((b, i) => ({ contentHash: sha256Hex(b), category: categories[i]! })),
    });
    const hash = await manifestHashOf(await uploadManifest(cookie, manifest));
    for (const b of bytes) expect((await uploadBlob(cookie, b, hash)).status).toBe(201);
    await anchor(manifest.root);
    return { cookie, manifest, hashes: bytes.map(sha256Hex) };
  }

  it('shows nothing of an import before its root is anchored', async () => {
    const { cookie } = await signIn(patient);
    expect((await upload(cookie, blob('pending'))).status).toBe(201);
    const { imports } = (await (await readLeaves(cookie)).json()) as { imports: LeafProof[] };
    expect(imports).toEqual([]);
  });

  it('gives the patient every leaf, and a grantee only their categories, each proven under the root', async () => {
    const { cookie, manifest, hashes } = await importOfThree();
    const mine = ((await (await readLeaves(cookie)).json()) as { imports: LeafProof[] }).imports;
    expect(mine).toHaveLength(1);
    expect(verifyLeaves(mine[0]!, { patient: patient.address, author: patient.address })).toHaveLength(3 + 32);

    await grant(1 << 4, 0, { permission: READ });
    const reader = (await signIn(clinician)).cookie;
    const theirs = ((await (await readLeaves(reader)).json()) as { imports: LeafProof[] }).imports;
    expect(theirs[0]!.root).toBe(manifest.root);
    const leaves = verifyLeaves(theirs[0]!, { patient: patient.address, author: patient.address })!;
    expect(leaves.map((l) => l.category)).toEqual([4, 4, 4]);
    expect(leaves.filter((l) => l.kind === 'census')).toEqual([expect.objectContaining({ count: 2 })]);
    expect(JSON.stringify(theirs)).not.toContain(hashes[0]);
    expect(await hashesIn(await readMany(reader, hashes))).toEqual(hashes.slice(1));

    await revoke();
    expect((await readLeaves(reader)).status).toBe(403);
  });

  it('answers a read that names a hash nothing is stored under with the rest, so one hole costs one record', async () => {
    const { cookie, hashes } = await importOfThree();
    const never = sha256Hex(blob('listed by a writer, never uploaded'));
    expect(await hashesIn(await readMany(cookie, [never, ...hashes]))).toEqual(hashes);
    expect(await hashesIn(await readMany(cookie, [never]))).toEqual([]);
  });

  it('refuses a stranger, and shows a chain observer no hash, category or count', async () => {
    const { manifest, hashes } = await importOfThree();
    const stranger = (await signIn(clinician)).cookie;
    expect((await readLeaves(stranger)).status).toBe(403);

    const logs = await t.client.getLogs({ address: deployed.RecordRoots, fromBlock: 0n });
    const anchors = parseEventLogs({ abi: recordRootsAbi, logs });
    expect(anchors).toHaveLength(1);
    expect(anchors[0]!.args).toMatchObject({ patient: patient.address, author: patient.address, root: manifest.root });
    const transaction = await t.client.getTransaction({ hash: logs[0]!.transactionHash! });
    const seen = [transaction.input, ...logs.map((l) => l.data), ...logs.flatMap((l) => l.topics)].join('');
    for (const hash of hashes) expect(seen).not.toContain(hash.slice(2));
    // Two words of calldata (patient, root) whatever the import holds.
    expect((transaction.input.length - 2) / 2).toBe(4 + 32 + 32);
  });
});

describe('the anchors behind every read', () => {
  it('are read from the chain once for requests that arrive together, and again for the next', async () => {
    let blockReads = 0;
    const counting = new Proxy(t.client, {
      get(target, property, receiver) {
        if (property === 'getBlockNumber') {
          return (...args: Parameters<typeof target.getBlockNumber>) => {
            blockReads += 1;
            return target.getBlockNumber(...args);
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const trees = createRecordTrees({
      client: counting,
      recordRoots: deployed.RecordRoots,
      deployBlock: 0n,
      store: t.blobStore,
    });
    const { cookie } = await signIn(patient);
    const { hash } = (await (await upload(cookie, blob('one'))).json()) as { hash: Hex };
    await anchor(hash);
    const together = await Promise.all(Array.from({ length: 4 }, () => trees.anchors(patient.address)));
    expect(blockReads).toBe(1);
    expect(together.every((list) => list.length === 1)).toBe(true);
    // A root anchored after that read is seen by the next request.
    const { hash: second } = (await (await upload(cookie, blob('two'))).json()) as { hash: Hex };
    await anchor(second);
    expect(await trees.anchors(patient.address)).toHaveLength(2);
    expect(blockReads).toBe(2);
  });
});
