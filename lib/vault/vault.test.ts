import type { Condition, Observation, Resource } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { encryptionKeyFromSignature, keyDerivationTypedData } from '../crypto/encryptionKeyFromSignature';
import { parseBundle } from '../fhir/parseBundle';
import { categorizeResource } from '../fhir/categorizeResource';
import { CATEGORIES } from '../categories';
import type { ContentHash } from '../storage/BlobStore';
import { sha256Hex } from '../storage/sha256Hex';
import { demoAccount } from '../wallet/demoAccounts';
import { deriveCategoryKey } from './categoryKeys';
import { envelopesToShare } from './envelopesToShare';
import { importRecords } from './importRecords';
import { resourceFingerprint } from './resourceFingerprint';
import { openKeyEnvelope, type KeyEnvelope } from './keyEnvelope';
import { openRecords, type Keyring } from './openRecords';
import type { Hex } from 'viem';
import { MAX_RECORDS_PER_TREE, type RecordManifest } from './recordTree';
import type { VerifiedRecord } from './verifyImports';
import { sealRecord } from './sealRecord';

const keysOf = async (role: 'Patient' | 'Clinician' | 'Researcher') => {
  const account = privateKeyToAccount(demoAccount(role).privateKey);
  return {
    address: account.address,
    ...encryptionKeyFromSignature(await account.signTypedData(keyDerivationTypedData(31337))),
  };
};
const condition: Condition = { resourceType: 'Condition', subject: {}, code: { text: 'Asthma' } };
const observation: Observation = { resourceType: 'Observation', status: 'final', code: { text: 'Heart rate' } };

/** Seals and "stores" records in memory, as the browser and server would. */
async function store(patientKey: Uint8Array, items: { resource: Resource; category: number; version: number }[]) {
  const blobs = new Map<ContentHash, Uint8Array>();
  const records: VerifiedRecord[] = [];
  for (const { resource, category, version } of items) {
    const bytes = await sealRecord(resource, deriveCategoryKey(patientKey, category, version), {
      category,
      keyVersion: version,
    });
    const contentHash = sha256Hex(bytes);
    blobs.set(contentHash, bytes);
    records.push({
      root: '0x01',
      contentHash,
      category,
      author: '0x0000000000000000000000000000000000000001',
      anchoredAt: 1,
    });
  }
  return { blobs, records };
}

describe('the records vault, patient to clinician', () => {
  it('lets a grantee open exactly the categories whose keys were shared, and no record sealed after rotation', async () => {
    const [patient, clinician] = await Promise.all([keysOf('Patient'), keysOf('Clinician')]);
    const { records, blobs } = await store(patient.privateKey, [
      { resource: condition, category: 0, version: 0 },
      { resource: observation, category: 4, version: 0 },
      { resource: { ...condition, code: { text: 'Written after the revoke' } }, category: 0, version: 1 },
    ]);

    // Grant of category 0 at version 0: one envelope, however many records.
    const { owed: envelopes } = await envelopesToShare({
      patient: patient.address,
      patientPrivateKey: patient.privateKey,
      recipients: [{ address: clinician.address, publicKey: clinician.publicKey, categories: 0b1 }],
      versions: [0],
      existing: [],
    });
    expect(envelopes.map((e) => [e.category, e.version])).toEqual([[0, 0]]);

    const keyring: Keyring = async (category, version) => {
      const envelope = envelopes.find((e) => e.category === category && e.version === version);
      return envelope
        ? openKeyEnvelope(envelope, {
            patient: patient.address,
            patientPublicKey: patient.publicKey,
            recipientPrivateKey: clinician.privateKey,
          })
        : null;
    };
    const opened = await openRecords(records, { blobs, keyring });
    expect(opened.map((r) => r.problem)).toEqual([null, 'no-key', 'no-key']);
    expect(opened[0]!.resource).toEqual(condition);

    // Even forcing the old key onto the new record fails: it was sealed under version 1.
    const oldKey = (await keyring(0, 0))!;
    const forced = await openRecords([records[2]!], { blobs, keyring: async () => oldKey });
    expect(forced[0]!.problem).toBe('unreadable');
  });

  it('refuses a blob that does not match its anchored hash, and reports one that is missing', async () => {
    const patient = await keysOf('Patient');
    const { records, blobs } = await store(patient.privateKey, [
      { resource: condition, category: 0, version: 0 },
      { resource: observation, category: 4, version: 0 },
    ]);
    const tampered = blobs.get(records[0]!.contentHash)!.slice();
    tampered[tampered.length - 1]! ^= 1;
    blobs.set(records[0]!.contentHash, tampered);
    blobs.delete(records[1]!.contentHash);
    const keyring: Keyring = async (c, v) => deriveCategoryKey(patient.privateKey, c, v);
    expect((await openRecords(records, { blobs, keyring })).map((r) => r.problem)).toEqual(['tampered', 'missing']);
  });

  it('opens every other record when the server reports one stored damaged, and never opens that one', async () => {
    const patient = await keysOf('Patient');
    const { records, blobs: stored } = await store(patient.privateKey, [
      { resource: condition, category: 0, version: 0 },
      { resource: observation, category: 4, version: 0 },
    ]);
    const damagedFirst = new Map<ContentHash, Uint8Array | 'damaged'>(stored);
    damagedFirst.set(records[0]!.contentHash, 'damaged');
    const keyring: Keyring = async (c, v) => deriveCategoryKey(patient.privateKey, c, v);
    const opened = await openRecords(records, { blobs: damagedFirst, keyring });
    expect(opened.map((r) => r.problem)).toEqual(['damaged', null]);
    expect(opened[0]!.resource).toBeNull();
    expect(opened[1]!.resource).toEqual(observation);
  });

  it('does not re-share envelopes the recipient already has, and shares every version of a category', async () => {
    const [patient, clinician] = await Promise.all([keysOf('Patient'), keysOf('Clinician')]);
    const recipients = [{ address: clinician.address, publicKey: clinician.publicKey, categories: 0b10001 }];
    const versions = [2, 0, 0, 0, 1];
    const { owed: first } = await envelopesToShare({
      patient: patient.address,
      patientPrivateKey: patient.privateKey,
      recipients,
      versions,
      existing: [],
    });
    expect(first.map((e) => `${e.category}/${e.version}`)).toEqual(['0/0', '0/1', '0/2', '4/0', '4/1']);
    const again = await envelopesToShare({
      patient: patient.address,
      patientPrivateKey: patient.privateKey,
      recipients,
      versions,
      existing: first,
    });
    expect(again).toEqual({ owed: [] as KeyEnvelope[], replaced: 0 });
  });

  it('replaces junk stored in the patient’s name instead of skipping it, and leaves good envelopes alone', async () => {
    const [patient, clinician, attacker] = await Promise.all([
      keysOf('Patient'),
      keysOf('Clinician'),
      keysOf('Researcher'),
    ]);
    const recipients = [{ address: clinician.address, publicKey: clinician.publicKey, categories: 0b101 }];
    const versions = [0, 0, 0];
    const { owed: genuine } = await envelopesToShare({
      patient: patient.address,
      patientPrivateKey: patient.privateKey,
      recipients,
      versions,
      existing: [],
    });
    // Someone with the patient's session stores, for category 2, an envelope of their own making:
    // right size, right ids, sealed with another key.
    const { owed: forged } = await envelopesToShare({
      patient: patient.address,
      patientPrivateKey: attacker.privateKey,
      recipients,
      versions,
      existing: [],
    });
    const stored = [genuine[0]!, forged[1]!];
    const repair = await envelopesToShare({
      patient: patient.address,
      patientPrivateKey: patient.privateKey,
      recipients,
      versions,
      existing: stored,
    });
    expect(repair).toEqual({ owed: [genuine[1]], replaced: 1 });
    // The clinician cannot open the forged one: it does not come from the patient's key.
    await expect(
      openKeyEnvelope(forged[1]!, {
        patient: patient.address,
        patientPublicKey: patient.publicKey,
        recipientPrivateKey: clinician.privateKey,
      }),
    ).rejects.toThrow();
  });
});

describe('importRecords', () => {
  const bundle = parseBundle(readFileSync('fixtures/fhir/synthea-uscore-inferno-patient-85.json', 'utf8'));
  const items = bundle.resources.map((resource) => ({
    resource,
    category: CATEGORIES.find((c) => c.key === categorizeResource(resource))!.bit,
  }));
  const who = { patient: demoAccount('Patient').address, author: demoAccount('Patient').address };

  /** Steps that keep what a server and the chain would, and can fail at one step. */
  function fakeSteps(failAt?: 'upload' | 'anchor') {
    const uploaded = new Set<string>();
    const manifests: RecordManifest[] = [];
    const anchored: string[] = [];
    let uploads = 0;
    return {
      uploaded,
      manifests,
      anchored,
      steps: {
        seal: async (resource: Resource) => new TextEncoder().encode(JSON.stringify(resource) + Math.random()),
        uploadManifest: async (manifest: RecordManifest) => {
          manifests.push(manifest);
          return sha256Hex(new TextEncoder().encode(JSON.stringify(manifest)));
        },
        upload: async (records: readonly { hash: ContentHash }[]) => {
          // The second upload request fails (once); the others would go through.
          if (failAt === 'upload' && ++uploads === 2) throw new Error('network down');
          await new Promise((resolve) => setTimeout(resolve, 1));
          for (const { hash } of records) uploaded.add(hash);
        },
        anchor: async (root: Hex) => {
          if (failAt === 'anchor') throw new Error('wallet closed');
          // Every blob of a tree is stored before its root is anchored.
          const manifest = manifests.find((m) => m.root === root)!;
          for (const leaf of manifest.leaves)
            if (leaf.kind === 'record') expect(uploaded.has(leaf.contentHash)).toBe(true);
          anchored.push(root);
        },
      },
    };
  }

  it('anchors one root for the whole import, skipping duplicates within it', async () => {
    const { steps, anchored, manifests } = fakeSteps();
    const progress: number[] = [];
    const result = await importRecords([...items, items[0]!], new Set(), who, {
      ...steps,
      onProgress: (p) => progress.push(p.anchored),
    });
    expect(result).toEqual({ stored: items.length, duplicates: 1 });
    expect(anchored).toHaveLength(1);
    expect(manifests[0]!.leaves.filter((l) => l.kind === 'record')).toHaveLength(items.length);
    expect(progress.at(-1)).toBe(items.length);
    expect(items.length).toBeLessThan(MAX_RECORDS_PER_TREE);
  });

  it('anchors nothing when stopped midway, and a retry stores the whole import', async () => {
    for (const failAt of ['upload', 'anchor'] as const) {
      const failing = fakeSteps(failAt);
      await expect(importRecords(items, new Set(), who, failing.steps)).rejects.toThrow();
      expect(failing.anchored).toEqual([]);
    }
    const retry = fakeSteps();
    const result = await importRecords(items, new Set(), who, retry.steps);
    expect(result.stored).toBe(items.length);
    expect(retry.anchored).toHaveLength(1);
  });

  it('reports no progress once an upload has failed, so a failure is never painted over', async () => {
    const failing = fakeSteps('upload');
    const events: string[] = [];
    const running = importRecords(items, new Set(), who, {
      ...failing.steps,
      onProgress: (p) => events.push(`${p.phase}:${p.uploaded}`),
    });
    await expect(running).rejects.toThrow('network down');
    const atFailure = events.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toHaveLength(atFailure);
    // The uploads already running finish; no new one starts.
    expect(failing.uploaded.size).toBeLessThan(items.length);
  });

  it('adds nothing when the same file is imported again', async () => {
    const stored = new Set(items.map((i) => resourceFingerprint(i.resource)));
    const again = fakeSteps();
    const result = await importRecords(items, stored, who, again.steps);
    expect(result).toEqual({ stored: 0, duplicates: items.length });
    expect(again.anchored).toEqual([]);
    expect(again.manifests).toEqual([]);
  });
});
