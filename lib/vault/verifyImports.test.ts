import { bytesToHex, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import type { ContentHash } from '../storage/BlobStore';
import { demoAccount } from '../wallet/demoAccounts';
import type { RecordAnchor } from './readRecordAnchors';
import { buildRecordManifest, parseRecordManifest, proveLeaves, type Leaf, type RecordManifest } from './recordTree';
import { incompleteCategories } from './incompleteCategories';
import { verifyImports } from './verifyImports';

const patient = demoAccount('Patient').address;
const clinician = demoAccount('Clinician').address;
const stranger = demoAccount('Researcher').address;
const EVERY = 0xffffffff;
const randomHash = () => bytesToHex(crypto.getRandomValues(new Uint8Array(32))) as ContentHash;
const every = new Set(Array.from({ length: 32 }, (_, i) => i));

function importOf(author: Address, categories: number[], of: Address = patient) {
  const manifest = buildRecordManifest({
    patient: of,
    author,
    records: categories.map((category) => ({ contentHash: randomHash(), category })),
  });
  return parseRecordManifest(JSON.parse(JSON.stringify(manifest)), { patient: of, author });
}

const anchorOf = (manifest: RecordManifest, writeScope = EVERY, anchoredAt = 1_800_000_000): RecordAnchor => ({
  root: manifest.root,
  author: manifest.author,
  writeScope,
  anchoredAt,
});

/** What a server sends a reader of `readable`: a proof of those leaves, less any it drops. */
function served(
  { manifest, tree }: ReturnType<typeof importOf>,
  readable: ReadonlySet<number>,
  drop: (leaf: Leaf) => boolean = () => false,
) {
  return proveLeaves(manifest, tree, (leaf) => readable.has(leaf.category) && !drop(leaf))!;
}

describe('what a reader believes of the storage server', () => {
  it('shows every record the chain and the proofs vouch for, with its anchor', () => {
    const entry = importOf(patient, [0, 4, 4]);
    const result = verifyImports([anchorOf(entry.manifest)], [served(entry, every)], { patient, readable: every });
    expect(result.records.map((r) => r.category).sort()).toEqual([0, 4, 4]);
    expect(result.records[0]).toMatchObject({ author: patient, anchoredAt: 1_800_000_000, root: entry.manifest.root });
    expect(result.gaps).toEqual([]);
    expect(result.refused).toBe(0);
  });

  it('reports records withheld from a category, a withheld count, and a whole import withheld', () => {
    const entry = importOf(patient, [0, 4, 4, 2]);
    const missing = importOf(patient, [1]);
    const anchors = [anchorOf(entry.manifest), anchorOf(missing.manifest, EVERY, 1_800_000_100)];
    const oneLab = entry.manifest.leaves.find((l) => l.kind === 'record' && l.category === 4)!;
    const allergyCensus = entry.manifest.leaves.find((l) => l.kind === 'census' && l.category === 2)!;
    const result = verifyImports(anchors, [served(entry, every, (leaf) => leaf === oneLab || leaf === allergyCensus)], {
      patient,
      readable: every,
    });
    expect(result.gaps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'category', root: entry.manifest.root, category: 4, missing: 1 }),
        expect.objectContaining({ kind: 'category', root: entry.manifest.root, category: 2, missing: null }),
        expect.objectContaining({ kind: 'import', root: missing.manifest.root, anchoredAt: 1_800_000_100 }),
      ]),
    );
    expect(result.gaps).toHaveLength(3);
  });

  it('tells a grantee only about the categories they may read', () => {
    const entry = importOf(patient, [0, 4, 4]);
    const labs = new Set([4]);
    const result = verifyImports([anchorOf(entry.manifest)], [served(entry, labs)], { patient, readable: labs });
    expect(result.records.map((r) => r.category)).toEqual([4, 4]);
    expect(result.gaps).toEqual([]);
    // The same grantee, sent everything by a careless server, still sees only labs.
    const careless = verifyImports([anchorOf(entry.manifest)], [served(entry, every)], { patient, readable: labs });
    expect(careless.records.map((r) => r.category)).toEqual([4, 4]);
  });

  it('refuses a writer’s record outside the categories they could write when they anchored it', () => {
    // The clinician could write documents (7) only, yet their tree holds a condition (0).
    const entry = importOf(clinician, [7, 0]);
    const result = verifyImports([anchorOf(entry.manifest, 1 << 7)], [served(entry, every)], {
      patient,
      readable: every,
    });
    expect(result.records.map((r) => r.category)).toEqual([7]);
    expect(result.refused).toBe(1);
    expect(result.gaps).toEqual([]);
  });

  it('lets a writer’s empty root cast doubt only on the categories that writer could write', async () => {
    const entry = importOf(patient, [0, 2]);
    const empty: RecordAnchor = {
      root: importOf(clinician, [7]).manifest.root,
      author: clinician,
      writeScope: 1 << 7,
      anchoredAt: 1_800_000_200,
    };
    const result = verifyImports([anchorOf(entry.manifest), empty], [served(entry, every)], {
      patient,
      readable: every,
    });
    expect(result.gaps).toEqual([
      { kind: 'import', root: empty.root, author: clinician, anchoredAt: 1_800_000_200, categories: [7] },
    ]);
    expect(incompleteCategories({ records: [], gaps: result.gaps })).toEqual(new Set(['documents']));
    // A reader who cannot read documents is not told about it at all.
    const labs = new Set([0]);
    expect(
      verifyImports([anchorOf(entry.manifest), empty], [served(entry, labs)], { patient, readable: labs }).gaps,
    ).toEqual([]);
  });

  it('shows nothing for leaves under a root the chain does not hold for this patient', () => {
    const elsewhere = importOf(patient, [0], stranger);
    const unanchored = importOf(patient, [0]);
    const result = verifyImports([], [served(elsewhere, every), served(unanchored, every)], {
      patient,
      readable: every,
    });
    expect(result).toEqual({ records: [], gaps: [], refused: 0 });
  });

  it('ignores a root re-anchored by someone else, and counts a record re-listed by another once', () => {
    const entry = importOf(patient, [0]);
    const replay: RecordAnchor = { ...anchorOf(entry.manifest, 1 << 0, 1_800_000_500), author: clinician };
    const byPatient = verifyImports([replay, anchorOf(entry.manifest)], [served(entry, every)], {
      patient,
      readable: every,
    });
    expect(byPatient.records).toHaveLength(1);
    expect(byPatient.records[0]!.author).toBe(patient);
    expect(byPatient.gaps).toEqual([]);

    // A writer lists the patient's record in a tree of their own: it stays the patient's.
    const hash = entry.manifest.leaves.find((l) => l.kind === 'record')!;
    const copied = buildRecordManifest({
      patient,
      author: clinician,
      records: [{ contentHash: hash.kind === 'record' ? hash.contentHash : randomHash(), category: 0 }],
    });
    const copy = parseRecordManifest(JSON.parse(JSON.stringify(copied)), { patient, author: clinician });
    const both = verifyImports(
      [anchorOf(entry.manifest), anchorOf(copied, 1 << 0, 1_800_000_900)],
      [served(entry, every), served(copy, every)],
      { patient, readable: every },
    );
    expect(both.records).toHaveLength(1);
    expect(both.records[0]!.author).toBe(patient);
  });
});
