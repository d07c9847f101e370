import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { bytesToHex, encodeAbiParameters, hexToBytes, numberToHex, parseAbiParameters, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import type { ContentHash } from '../storage/BlobStore';
import { demoAccount } from '../wallet/demoAccounts';
import {
  buildRecordManifest,
  CENSUS_CATEGORIES,
  encodeLeaf,
  LEAF_ENCODING,
  ManifestError,
  parseRecordManifest,
  proveLeaves,
  verifyLeaves,
  type RecordManifest,
} from './recordTree';

const patient = demoAccount('Patient').address;
const clinician = demoAccount('Clinician').address;
const randomHash = () => bytesToHex(crypto.getRandomValues(new Uint8Array(32))) as ContentHash;
const records = [
  { contentHash: randomHash(), category: 0 },
  { contentHash: randomHash(), category: 4 },
  { contentHash: randomHash(), category: 4 },
  { contentHash: randomHash(), category: 7 },
];
const build = () => buildRecordManifest({ patient, author: patient, records });
const reparse = (manifest: RecordManifest, expected = { patient, author: patient }) =>
  parseRecordManifest(JSON.parse(JSON.stringify(manifest)), expected);

describe('an import’s Merkle tree', () => {
  it('is OpenZeppelin’s standard tree: the same root as StandardMerkleTree (and so Solidity MerkleProof)', () => {
    const manifest = build();
    const values = manifest.leaves.map((leaf) =>
      leaf.kind === 'record'
        ? [0, patient, leaf.category, leaf.contentHash, patient, leaf.salt]
        : [1, patient, leaf.category, numberToHex(leaf.count, { size: 32 }), patient, leaf.salt],
    );
    expect(StandardMerkleTree.of(values, LEAF_ENCODING).root).toBe(manifest.root);
  });

  it('encodes a leaf exactly as abi.encode does, at the edges of each field', () => {
    const parameters = parseAbiParameters(LEAF_ENCODING.join(', '));
    const salt = randomHash();
    for (const [category, count] of [
      [0, 0],
      [31, 1],
      [4, Number.MAX_SAFE_INTEGER],
    ] as const) {
      expect(encodeLeaf({ kind: 'census', category, count, salt }, patient, clinician)).toEqual(
        hexToBytes(
          encodeAbiParameters(parameters, [1, patient, category, numberToHex(count, { size: 32 }), clinician, salt]),
        ),
      );
      const contentHash = randomHash();
      expect(encodeLeaf({ kind: 'record', category, contentHash, salt }, clinician, patient)).toEqual(
        hexToBytes(encodeAbiParameters(parameters, [0, clinician, category, contentHash, patient, salt])),
      );
    }
  });

  it('holds every record and a census of every category number, each leaf with its own salt', () => {
    const manifest = build();
    const census = manifest.leaves.filter((l) => l.kind === 'census');
    expect(census).toHaveLength(CENSUS_CATEGORIES);
    expect(census.find((l) => l.category === 4)).toMatchObject({ count: 2 });
    expect(census.find((l) => l.category === 2)).toMatchObject({ count: 0 });
    expect(new Set(manifest.leaves.map((l) => l.salt)).size).toBe(manifest.leaves.length);
    // Fresh salts: the same records give a different root every time.
    expect(build().root).not.toBe(manifest.root);
  });

  it('is refused whole when anything is off: patient, author, census, duplicates, root', () => {
    const manifest = build();
    expect(reparse(manifest).manifest.root).toBe(manifest.root);
    const refused = (changed: unknown, expected = { patient, author: patient }) =>
      expect(() => parseRecordManifest(changed, expected)).toThrow(ManifestError);
    refused(manifest, { patient: clinician, author: patient });
    refused(manifest, { patient, author: clinician });
    const recount = structuredClone(manifest);
    const lab = recount.leaves.find((l) => l.kind === 'census' && l.category === 4)!;
    if (lab.kind === 'census') lab.count = 1;
    refused(recount);
    const twice = structuredClone(manifest);
    twice.leaves.push(twice.leaves[0]!);
    refused(twice);
    const relabelled = structuredClone(manifest);
    relabelled.leaves[0]!.category = 4;
    refused(relabelled);
    refused({ ...manifest, root: randomHash() });
    refused({ ...manifest, leaves: manifest.leaves.filter((l) => l.kind === 'record') });
    refused('not a manifest');
  });

  it('proves to a reader exactly the leaves picked, and nothing altered, moved or repeated', () => {
    const { manifest, tree } = reparse(build());
    const labs = proveLeaves(manifest, tree, (leaf) => leaf.category === 4)!;
    const proven = verifyLeaves(labs, { patient, author: patient })!;
    expect(proven.filter((l) => l.kind === 'record').map((l) => l.category)).toEqual([4, 4]);
    expect(proven.find((l) => l.kind === 'census')).toMatchObject({ category: 4, count: 2 });
    expect(proven).toHaveLength(3);

    // Under another patient or author, another root, with a leaf changed or sent twice: nothing.
    expect(verifyLeaves(labs, { patient: clinician, author: patient })).toBeNull();
    expect(verifyLeaves(labs, { patient, author: clinician })).toBeNull();
    expect(verifyLeaves({ ...labs, root: build().root }, { patient, author: patient })).toBeNull();
    const relabelled = structuredClone(labs);
    relabelled.leaves[0]!.category = 0;
    expect(verifyLeaves(relabelled, { patient, author: patient })).toBeNull();
    const recounted = structuredClone(labs);
    const census = recounted.leaves.find((l) => l.kind === 'census')!;
    if (census.kind === 'census') census.count = 0;
    expect(verifyLeaves(recounted, { patient, author: patient })).toBeNull();
    const repeated = { ...labs, leaves: [...labs.leaves, labs.leaves[0]!], proofFlags: [...labs.proofFlags, true] };
    expect(verifyLeaves(repeated, { patient, author: patient })).toBeNull();
    expect(verifyLeaves({ ...labs, leaves: [] }, { patient, author: patient })).toBeNull();
    expect(proveLeaves(manifest, tree, () => false)).toBeNull();
  });

  it('hides the counts of categories not picked behind salted sibling hashes', () => {
    const { manifest, tree } = reparse(build());
    const labs = proveLeaves(manifest, tree, (leaf) => leaf.category === 4)!;
    const text = JSON.stringify(labs);
    for (const leaf of manifest.leaves.filter((l) => l.category !== 4)) expect(text).not.toContain(leaf.salt);
    for (const record of records.filter((r) => r.category !== 4)) expect(text).not.toContain(record.contentHash);
    expect(labs.proof.every((hash: Hex) => /^0x[0-9a-f]{64}$/.test(hash))).toBe(true);
  });
});
