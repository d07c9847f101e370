import type { Address, Hex } from 'viem';
import { scopeCovers } from '../auth/chainAuthorization';
import type { ContentHash } from '../storage/BlobStore';
import type { RecordAnchor } from './readRecordAnchors';
import { verifyLeaves, type LeafProof, type RecordLeaf } from './recordTree';

/** A record whose leaf is proven under a root the chain holds for this patient. */
export type VerifiedRecord = {
  root: Hex;
  contentHash: ContentHash;
  category: number;
  author: Address;
  /** Seconds since the epoch: when its root was anchored. */
  anchoredAt: number;
};

/**
 * Records the chain says exist that the storage server did not show: a whole import (category
 * null), or some records of one category of an import (`missing` null when even the count of that
 * category was withheld).
 */
export type RecordGap = {
  root: Hex;
  author: Address;
  anchoredAt: number;
  category: number | null;
  missing: number | null;
};

export type VerifiedImports = {
  records: VerifiedRecord[];
  gaps: RecordGap[];
  /** Leaves refused: in a category their author could not write when anchoring. */
  refused: number;
};

/**
 * Checks what the storage server listed against the chain, trusting nothing it sent: every leaf
 * must be proven under a root anchored for `patient`, by the author that anchor names, in a
 * category that author could write then; and for each category `readable` covers, each import's
 * census says how many records there are, so records withheld are reported, not silently absent.
 * A record in two imports (someone re-listing another's record) counts once, under the earliest.
 */
export function verifyImports(
  anchors: readonly RecordAnchor[],
  imports: readonly LeafProof[],
  { patient, readable }: { patient: Address; readable: ReadonlySet<number> },
): VerifiedImports {
  const records: VerifiedRecord[] = [];
  const gaps: RecordGap[] = [];
  const seen = new Set<ContentHash>();
  let refused = 0;

  const byRoot = new Map<Hex, RecordAnchor[]>();
  for (const anchor of anchors) byRoot.set(anchor.root, [...(byRoot.get(anchor.root) ?? []), anchor]);

  for (const [root, candidates] of byRoot) {
    // The anchor whose author the leaves name; a root replayed by someone else proves nothing.
    let proven: { anchor: RecordAnchor; leaves: NonNullable<ReturnType<typeof verifyLeaves>> } | null = null;
    for (const proof of imports.filter((i) => i.root === root)) {
      for (const anchor of candidates) {
        const leaves = verifyLeaves(proof, { patient, author: anchor.author });
        if (leaves) proven = { anchor, leaves };
        if (proven) break;
      }
      if (proven) break;
    }
    if (!proven) {
      const first = candidates[0]!;
      gaps.push({ root, author: first.author, anchoredAt: first.anchoredAt, category: null, missing: null });
      continue;
    }

    const { anchor, leaves } = proven;
    const census = new Map<number, number>();
    const shown = new Map<number, number>();
    for (const leaf of leaves) {
      if (!readable.has(leaf.category)) continue;
      if (leaf.kind === 'census') {
        census.set(leaf.category, leaf.count);
        continue;
      }
      if (!scopeCovers(anchor.writeScope, leaf.category)) {
        refused += 1;
        continue;
      }
      shown.set(leaf.category, (shown.get(leaf.category) ?? 0) + 1);
      if (seen.has(leaf.contentHash)) continue;
      seen.add(leaf.contentHash);
      records.push(recordOf(leaf, anchor));
    }
    for (const category of readable) {
      const count = census.get(category);
      // A count in a category the author could not write is refused with its records.
      const expected = count === undefined ? null : scopeCovers(anchor.writeScope, category) ? count : 0;
      const missing = expected === null ? null : expected - (shown.get(category) ?? 0);
      if (missing === null || missing > 0) {
        gaps.push({ root, author: anchor.author, anchoredAt: anchor.anchoredAt, category, missing });
      }
    }
  }
  return { records, gaps, refused };
}

function recordOf(leaf: RecordLeaf, anchor: RecordAnchor): VerifiedRecord {
  return {
    root: anchor.root,
    contentHash: leaf.contentHash,
    category: leaf.category,
    author: anchor.author,
    anchoredAt: anchor.anchoredAt,
  };
}
