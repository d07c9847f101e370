import type { Address, Hex } from 'viem';
import { scopeCovers } from '../auth/chainAuthorization';
import type { ContentHash } from '../storage/BlobStore';
import type { RecordAnchor } from './readRecordAnchors';
import { verifyLeaves, type Leaf, type LeafProof, type RecordLeaf } from './recordTree';

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
 * Records the chain says exist that the storage server did not show: a whole import (`import`,
 * in the readable categories its author could write), or some records of one category of an
 * import (`missing` null when even the count of that category was withheld).
 */
export type RecordGap = { root: Hex; author: Address; anchoredAt: number } & (
  { kind: 'import'; categories: number[] } | { kind: 'category'; category: number; missing: number | null }
);

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
  const proofsByRoot = new Map<Hex, LeafProof>();
  // One proof per root is all an honest server sends; more only adds work.
  for (const proof of imports) if (!proofsByRoot.has(proof.root)) proofsByRoot.set(proof.root, proof);

  for (const [root, candidates] of byRoot) {
    // The anchor whose author the leaves name; a root replayed by someone else proves nothing.
    const proof = proofsByRoot.get(root);
    let proven: { anchor: RecordAnchor; leaves: Leaf[] } | null = null;
    for (const anchor of proof ? uniqueAuthors(candidates) : []) {
      const leaves = verifyLeaves(proof!, { patient, author: anchor.author });
      if (leaves) {
        proven = { anchor, leaves };
        break;
      }
    }
    if (!proven) {
      // Only what its authors could have written can be missing: a writer's empty root does not
      // cast doubt on categories they never had.
      for (const anchor of uniqueAuthors(candidates)) {
        const categories = [...readable].filter((c) => scopeCovers(anchor.writeScope, c)).sort((a, b) => a - b);
        if (categories.length > 0) {
          gaps.push({ kind: 'import', root, author: anchor.author, anchoredAt: anchor.anchoredAt, categories });
        }
      }
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
      // Counted only where kept: a record someone re-listed under an earlier root of their own
      // leaves a hole here that the census shows, rather than counting twice.
      if (seen.has(leaf.contentHash)) continue;
      seen.add(leaf.contentHash);
      shown.set(leaf.category, (shown.get(leaf.category) ?? 0) + 1);
      records.push(recordOf(leaf, anchor));
    }
    for (const category of readable) {
      // Nothing can be missing where the author could not write (their leaves there are refused).
      if (!scopeCovers(anchor.writeScope, category)) continue;
      const count = census.get(category);
      const missing = count === undefined ? null : count - (shown.get(category) ?? 0);
      if (missing === null || missing > 0) {
        gaps.push({ kind: 'category', root, author: anchor.author, anchoredAt: anchor.anchoredAt, category, missing });
      }
    }
  }
  return { records, gaps, refused };
}

/** The first anchor of each author of a root. */
function uniqueAuthors(anchors: readonly RecordAnchor[]): RecordAnchor[] {
  const seen = new Set<Address>();
  return anchors.filter((a) => !seen.has(a.author) && seen.add(a.author));
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
