import { keccak_256 } from '@noble/hashes/sha3.js';
import { getMultiProof, makeMerkleTree, processMultiProof } from '@openzeppelin/merkle-tree/dist/core.js';
import { bytesToHex, getAddress, isAddress, hexToBytes, isHex, type Address, type Hex } from 'viem';
import { isContentHash, type ContentHash } from '../storage/BlobStore';

/**
 * The Merkle tree of one import (records v2): only its root goes on-chain (RecordRoots), the
 * leaves stay with the storage server. A leaf is OpenZeppelin's standard leaf (double keccak of
 * the ABI encoding) of (kind, patient, category, content, author, salt), encoded by encodeLeaf, hashed
 * with noble and
 * built into a tree with OpenZeppelin's merkle-tree core (the functions under its SimpleMerkleTree,
 * without re-validating every leaf on each proof): the same construction as its
 * StandardMerkleTree and Solidity MerkleProof, at a fraction of the cost (the tests hold them equal):
 * - a record leaf: content is the SHA-256 of the record's sealed blob;
 * - a census leaf, one for every category number 0–31: content is how many record leaves of that
 *   category the tree holds. A reader granted a category is shown its census leaf, so a storage
 *   server that withholds some (or all) of that category's records is caught, without the reader
 *   learning the other categories' counts (a multiproof does show roughly how many leaves the
 *   tree has in all).
 * Every leaf has its own random salt: proofs show a reader sibling hashes, and without salts the
 * census of a category they were not granted (a small count) could be found by trying counts.
 */
export const LEAF_ENCODING = ['uint8', 'address', 'uint8', 'bytes32', 'address', 'bytes32'];

/** Category numbers a tree takes a census of: every bit of a grant's category set. */
export const CENSUS_CATEGORIES = 32;

/** Every category number, in order: what a census covers and what a reader asks the chain about. */
export { EVERY_CATEGORY_NUMBER } from '../categories';

/** Records one tree holds at most; a larger import is anchored as several. */
export const MAX_RECORDS_PER_TREE = 4_000;

const RECORD = 0;
const CENSUS = 1;

export type RecordLeaf = { kind: 'record'; category: number; contentHash: ContentHash; salt: Hex };
export type CensusLeaf = { kind: 'census'; category: number; count: number; salt: Hex };
export type Leaf = RecordLeaf | CensusLeaf;

/** What the storage server keeps for one import: every leaf, and the root they make. */
export type RecordManifest = {
  /** Version of this manifest format (records v2 is the first to have manifests). */
  version: 1;
  patient: Address;
  author: Address;
  root: Hex;
  leaves: Leaf[];
};

/** Leaves of one tree and what proves them against its root (OpenZeppelin multiproof). */
export type LeafProof = { root: Hex; leaves: Leaf[]; proof: Hex[]; proofFlags: boolean[] };

const WORD = 32;

/**
 * abi.encode(kind, patient, category, content, author, salt): six static words, written straight
 * into bytes. viem's encodeAbiParameters gives the same bytes (the tests hold them equal) at about
 * ten times the cost, and a chart encodes every leaf it is shown, as does the server for each
 * proof it makes.
 */
export function encodeLeaf(leaf: Leaf, patient: Address, author: Address): Uint8Array {
  // What abi.encode would refuse (viem throws), refused here too rather than silently truncated.
  if (!Number.isInteger(leaf.category) || leaf.category < 0 || leaf.category > 0xff) {
    throw new RangeError(`A leaf's category is a uint8, not ${leaf.category}`);
  }
  if (leaf.kind === 'census' && !(Number.isSafeInteger(leaf.count) && leaf.count >= 0)) {
    throw new RangeError(`A census count is a whole number, not ${leaf.count}`);
  }
  if (!isAddress(patient, { strict: false }) || !isAddress(author, { strict: false })) {
    throw new RangeError('A leaf names its patient and author by address');
  }
  const encoded = new Uint8Array(6 * WORD);
  encoded[WORD - 1] = leaf.kind === 'record' ? RECORD : CENSUS;
  encoded.set(hexToBytes(patient), 2 * WORD - 20);
  encoded[3 * WORD - 1] = leaf.category;
  if (leaf.kind === 'record') encoded.set(hexToBytes(leaf.contentHash), 3 * WORD);
  else new DataView(encoded.buffer).setBigUint64(4 * WORD - 8, BigInt(leaf.count));
  encoded.set(hexToBytes(author), 5 * WORD - 20);
  encoded.set(hexToBytes(leaf.salt), 5 * WORD);
  return encoded;
}

/**
 * OpenZeppelin's standard leaf: keccak256(keccak256(abi.encode(...values))). Hashed as bytes with
 * noble (viem's own hash library) rather than through hex strings.
 */
export function leafHash(leaf: Leaf, patient: Address, author: Address): Hex {
  return bytesToHex(keccak_256(keccak_256(encodeLeaf(leaf, patient, author))));
}

/** An import's tree: its nodes (root first) and where each leaf hash sits among them. */
export type RecordTree = { root: Hex; nodes: string[]; position: ReadonlyMap<Hex, number> };

/** The tree of `leaves`: their hashes sorted, as OpenZeppelin's SimpleMerkleTree builds it. */
function treeOf(leaves: readonly Leaf[], patient: Address, author: Address): RecordTree {
  const sorted = leaves.map((leaf) => leafHash(leaf, patient, author)).sort();
  const nodes = makeMerkleTree(sorted);
  return { root: nodes[0] as Hex, nodes, position: new Map(sorted.map((hash, i) => [hash, nodes.length - 1 - i])) };
}

function randomSalt(): Hex {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(32)));
}

/** The tree of a batch of sealed records `author` adds for `patient`, with fresh salts. */
export function buildRecordManifest({
  patient,
  author,
  records,
}: {
  patient: Address;
  author: Address;
  records: readonly { contentHash: ContentHash; category: number }[];
}): RecordManifest {
  if (records.length === 0 || records.length > MAX_RECORDS_PER_TREE) {
    throw new RangeError(`A tree holds 1 to ${MAX_RECORDS_PER_TREE} records, not ${records.length}`);
  }
  const counts = new Array<number>(CENSUS_CATEGORIES).fill(0);
  const leaves: Leaf[] = records.map(({ contentHash, category }) => {
    counts[category] = (counts[category] ?? 0) + 1;
    return { kind: 'record', category, contentHash, salt: randomSalt() };
  });
  counts.forEach((count, category) => leaves.push({ kind: 'census', category, count, salt: randomSalt() }));
  return { version: 1, patient, author, root: treeOf(leaves, patient, author).root as Hex, leaves };
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

const isBytes32 = (value: unknown): value is Hex => typeof value === 'string' && isHex(value) && value.length === 66;
const isCategory = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) < CENSUS_CATEGORIES;

function parseLeaf(raw: unknown): Leaf {
  const leaf = (raw ?? {}) as {
    kind?: unknown;
    category?: unknown;
    salt?: unknown;
    contentHash?: unknown;
    count?: unknown;
  };
  const { kind, category, salt, contentHash, count } = leaf;
  if (!isCategory(category) || !isBytes32(salt)) throw new ManifestError('A leaf is malformed.');
  if (kind === 'record' && typeof contentHash === 'string' && isContentHash(contentHash)) {
    return { kind, category, contentHash, salt };
  }
  if (kind === 'census' && typeof count === 'number' && Number.isSafeInteger(count) && count >= 0) {
    return { kind, category, count, salt };
  }
  throw new ManifestError('A leaf is malformed.');
}

/**
 * A manifest the storage server is asked to keep, checked whole: it is `patient`'s, written by
 * `author`, every category has exactly one census leaf and it counts that category's record
 * leaves, no record appears twice, and the leaves make the root it names. Throws ManifestError.
 */
export function parseRecordManifest(
  raw: unknown,
  expected: { patient: Address; author: Address },
): { manifest: RecordManifest; tree: RecordTree } {
  const body = raw as Partial<RecordManifest> | null;
  if (
    !body ||
    body.version !== 1 ||
    typeof body.patient !== 'string' ||
    !isAddress(body.patient) ||
    typeof body.author !== 'string' ||
    !isAddress(body.author) ||
    !isBytes32(body.root) ||
    !Array.isArray(body.leaves) ||
    body.leaves.length > MAX_RECORDS_PER_TREE + CENSUS_CATEGORIES
  ) {
    throw new ManifestError('This is not the manifest of an import.');
  }
  if (getAddress(body.patient) !== getAddress(expected.patient)) {
    throw new ManifestError('This import is for another patient.');
  }
  if (getAddress(body.author) !== getAddress(expected.author)) {
    throw new ManifestError('This import names another author than the account signed in.');
  }
  const leaves = body.leaves.map(parseLeaf);
  const census = new Map<number, number>();
  const counted = new Array<number>(CENSUS_CATEGORIES).fill(0);
  const hashes = new Set<string>();
  for (const leaf of leaves) {
    if (leaf.kind === 'census') {
      if (census.has(leaf.category)) throw new ManifestError('A category is counted twice.');
      census.set(leaf.category, leaf.count);
    } else {
      if (hashes.has(leaf.contentHash)) throw new ManifestError('A record appears twice.');
      hashes.add(leaf.contentHash);
      counted[leaf.category]! += 1;
    }
  }
  if (hashes.size === 0) throw new ManifestError('This import holds no records.');
  for (let category = 0; category < CENSUS_CATEGORIES; category++) {
    if (census.get(category) !== counted[category]) {
      throw new ManifestError('The census of this import does not match its records.');
    }
  }
  const patient = getAddress(body.patient);
  const author = getAddress(body.author);
  const tree = treeOf(leaves, patient, author);
  if (tree.root !== body.root.toLowerCase())
    throw new ManifestError('The leaves do not make the root this import names.');
  return { manifest: { version: 1, patient, author, root: tree.root as Hex, leaves }, tree };
}

/** `manifest` with its leaves in one order (by salt, unique per leaf): one tree, one encoding. */
export function canonicalManifest(manifest: RecordManifest): RecordManifest {
  return { ...manifest, leaves: [...manifest.leaves].sort((a, b) => (a.salt < b.salt ? -1 : a.salt > b.salt ? 1 : 0)) };
}

/**
 * A multiproof of the leaves of `manifest` that `include` picks (the server, for one reader), or
 * null when it picks none. `tree` is the manifest's, from parseRecordManifest.
 */
export function proveLeaves(
  manifest: RecordManifest,
  tree: RecordTree,
  include: (leaf: Leaf) => boolean,
): LeafProof | null {
  const picked = manifest.leaves.filter(include);
  if (picked.length === 0) return null;
  const byHash = new Map(picked.map((leaf) => [leafHash(leaf, manifest.patient, manifest.author), leaf]));
  const { leaves, proof, proofFlags } = getMultiProof(
    tree.nodes,
    [...byHash.keys()].map((hash) => tree.position.get(hash)!),
  );
  return {
    root: manifest.root,
    // In the order the proof consumes them.
    leaves: leaves.map((hash) => byHash.get(hash as Hex)!),
    proof: proof as Hex[],
    proofFlags,
  };
}

/**
 * The leaves `proof` proves, as leaves of `patient` by `author` under its root, each once; null
 * if it proves nothing. A reader runs this on whatever the server sent before believing any of it.
 */
export function verifyLeaves(
  proof: LeafProof,
  { patient, author }: { patient: Address; author: Address },
): Leaf[] | null {
  try {
    if (!isBytes32(proof.root) || !Array.isArray(proof.leaves) || proof.leaves.length === 0) return null;
    const leaves = proof.leaves.map(parseLeaf);
    const hashes = leaves.map((leaf) => leafHash(leaf, getAddress(patient), getAddress(author)));
    // A leaf sent twice must not count twice (a withheld record hidden behind a repeated one).
    if (new Set(hashes).size !== hashes.length) return null;
    const root = processMultiProof({ leaves: hashes, proof: proof.proof, proofFlags: proof.proofFlags });
    return root === proof.root.toLowerCase() ? leaves : null;
  } catch {
    return null;
  }
}
