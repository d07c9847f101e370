import 'server-only';
import type { SimpleMerkleTree } from '@openzeppelin/merkle-tree';
import { getAddress, type Address, type Hex, type PublicClient } from 'viem';
import { manifestScope, type BlobScope, type BlobStore, type ContentHash } from '../storage/BlobStore';
import { readRecordAnchors, type RecordAnchor, type VerifiedAnchors } from '../vault/readRecordAnchors';
import { ManifestError, parseRecordManifest, type RecordManifest } from '../vault/recordTree';

export type StoredManifest = { hash: ContentHash; manifest: RecordManifest; tree: SimpleMerkleTree };

/** Parsed manifests kept in memory: each is immutable (stored under its own hash). */
const MANIFEST_CACHE_SIZE = 64;

/**
 * What the storage server knows of each patient's imports: the roots the chain holds (verified as
 * a reader does, cached per patient until the head moves) and the manifests stored for them.
 */
export function createRecordTrees({
  client,
  recordRoots,
  deployBlock,
  store,
}: {
  client: PublicClient;
  recordRoots: Address;
  deployBlock: bigint;
  /** The records store, holding `manifests/<patient>` beside `records/<patient>`. */
  store: BlobStore;
}) {
  const verified = new Map<Address, VerifiedAnchors>();
  const parsed = new Map<ContentHash, StoredManifest>();

  async function anchors(patient: Address): Promise<RecordAnchor[]> {
    const result = await readRecordAnchors(client, { recordRoots, deployBlock }, patient, verified.get(patient));
    verified.set(patient, result);
    return result.anchors;
  }

  /** The first anchor of `root` by `author`: the one its leaves are judged by. */
  function anchorOf(list: readonly RecordAnchor[], root: Hex, author: Address): RecordAnchor | null {
    return list.find((a) => a.root === root && a.author === getAddress(author)) ?? null;
  }

  /** The manifest stored in `patient`'s scope under `hash`, checked whole when first read. */
  async function manifest(patient: Address, hash: ContentHash): Promise<StoredManifest | null> {
    const cached = parsed.get(hash);
    if (cached) return cached;
    const scope = manifestScope(patient);
    const [bytes, binding] = await Promise.all([store.get(scope, hash), store.binding(scope, hash)]);
    if (!bytes || !binding) return null;
    let entry: StoredManifest;
    try {
      entry = {
        hash,
        ...parseRecordManifest(JSON.parse(new TextDecoder().decode(bytes)), {
          patient,
          author: binding.uploader,
        }),
      };
    } catch (error) {
      // Checked at upload; a file that no longer parses is damage, and serves nothing.
      if (error instanceof ManifestError || error instanceof SyntaxError) return null;
      throw error;
    }
    if (parsed.size >= MANIFEST_CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
    parsed.set(hash, entry);
    return entry;
  }

  return {
    anchors,
    anchorOf,
    manifest,

    /** `patient`'s manifests whose root the chain holds by their author, with that anchor. */
    async anchoredManifests(patient: Address): Promise<(StoredManifest & { anchor: RecordAnchor })[]> {
      const [list, hashes] = await Promise.all([anchors(patient), store.list(manifestScope(patient))]);
      const found = await Promise.all(hashes.map((hash) => manifest(patient, hash)));
      return found.flatMap((entry) => {
        const anchor = entry && anchorOf(list, entry.manifest.root, entry.manifest.author);
        return entry && anchor ? [{ ...entry, anchor }] : [];
      });
    },

    /**
     * For the upload quota: which of `hashes` in a record or manifest scope are anchored, meaning
     * the chain holds the root their binding names, anchored by the account that uploaded them.
     */
    anchoredIn: async (scope: BlobScope, hashes: readonly ContentHash[]): Promise<boolean[]> => {
      const [kind, patient] = scope.split('/');
      if ((kind !== 'records' && kind !== 'manifests') || !patient)
        throw new RangeError(`Not a record scope: ${scope}`);
      if (hashes.length === 0) return [];
      const [list, bindings] = await Promise.all([
        anchors(getAddress(patient)),
        Promise.all(hashes.map((hash) => store.binding(scope, hash))),
      ]);
      return bindings.map((b) => b !== null && b.root !== null && anchorOf(list, b.root, b.uploader) !== null);
    },
  };
}

export type RecordTrees = ReturnType<typeof createRecordTrees>;
