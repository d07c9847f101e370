import 'server-only';
import { getAddress, type Address, type Hex, type PublicClient } from 'viem';
import { scopeCovers } from '../auth/chainAuthorization';
import {
  manifestScope,
  type BlobBinding,
  type BlobScope,
  type BlobStore,
  type ContentHash,
} from '../storage/BlobStore';
import { readRecordAnchors, type RecordAnchor, type VerifiedAnchors } from '../vault/readRecordAnchors';
import { ManifestError, parseRecordManifest, type RecordManifest, type RecordTree } from '../vault/recordTree';

export type StoredManifest = { hash: ContentHash; manifest: RecordManifest; tree: RecordTree };

/** Parsed manifests kept in memory (each is immutable: stored under its own hash), most recent last. */
const MANIFEST_CACHE_SIZE = 64;
/** Patients whose verified anchors are kept in memory. */
const ANCHOR_CACHE_SIZE = 10_000;

/** A Map that forgets its least recently used entry past `size`. */
function lruCache<K, V>(size: number) {
  const entries = new Map<K, V>();
  return {
    get(key: K): V | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: K, value: V) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > size) entries.delete(entries.keys().next().value!);
    },
  };
}

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
  const verified = lruCache<Address, VerifiedAnchors>(ANCHOR_CACHE_SIZE);
  const parsed = lruCache<string, StoredManifest>(MANIFEST_CACHE_SIZE);

  /** Reads in flight, per patient: requests that arrive together share one (a chart's leaves and records, asked for at once). */
  const reading = new Map<Address, Promise<RecordAnchor[]>>();

  /**
   * The patient's anchors as the chain holds them now. A read already under way answers every
   * request that arrives while it runs; the next request after it reads the chain again, so a
   * root anchored a moment ago still counts.
   */
  function anchors(patient: Address): Promise<RecordAnchor[]> {
    const running = reading.get(patient);
    if (running) return running;
    const read = readRecordAnchors(client, { recordRoots, deployBlock }, patient, verified.get(patient))
      .then((result) => {
        verified.set(patient, result);
        return result.anchors;
      })
      .finally(() => reading.delete(patient));
    reading.set(patient, read);
    return read;
  }

  /** The first anchor of `root` by `author`: the one its leaves are judged by. */
  function anchorOf(list: readonly RecordAnchor[], root: Hex, author: Address): RecordAnchor | null {
    return list.find((a) => a.root === root && a.author === getAddress(author)) ?? null;
  }

  /**
   * The anchor a stored blob counts under: its root, anchored by the account that uploaded it,
   * with its category (if it has one) inside that anchor's write scope; else null. Unanchored,
   * replayed by someone else, or outside what its author could write: never served, and swept.
   */
  function anchorFor(list: readonly RecordAnchor[], binding: BlobBinding | null): RecordAnchor | null {
    const anchor = binding?.root ? anchorOf(list, binding.root, binding.uploader) : null;
    if (!anchor || (binding!.category !== null && !scopeCovers(anchor.writeScope, binding!.category))) return null;
    return anchor;
  }

  /**
   * The manifest stored in `patient`'s scope under `hash`, checked whole when first read; null
   * if it is not stored there (any more: a swept manifest no longer vouches for uploads).
   */
  async function manifest(patient: Address, hash: ContentHash): Promise<StoredManifest | null> {
    const scope = manifestScope(patient);
    const binding = await store.binding(scope, hash);
    if (!binding) return null;
    const key = `${scope}|${hash}`;
    const cached = parsed.get(key);
    if (cached) return cached;
    const bytes = await store.get(scope, hash);
    if (!bytes) return null;
    let entry: StoredManifest;
    try {
      entry = {
        hash,
        ...parseRecordManifest(JSON.parse(new TextDecoder().decode(bytes)), { patient, author: binding.uploader }),
      };
    } catch (error) {
      // Checked at upload; a file that no longer parses is damage, and serves nothing.
      if (error instanceof ManifestError || error instanceof SyntaxError) return null;
      throw error;
    }
    parsed.set(key, entry);
    return entry;
  }

  return {
    anchors,
    anchorFor,
    manifest,

    /** `patient`'s manifests whose root the chain holds by their author, with that anchor. */
    async anchoredManifests(patient: Address): Promise<(StoredManifest & { anchor: RecordAnchor })[]> {
      const scope = manifestScope(patient);
      const [list, stored] = await Promise.all([anchors(patient), store.list(scope)]);
      // Bindings first: only manifests whose root is anchored by their uploader are read and parsed.
      const anchored = stored.flatMap((blob) => {
        const anchor = anchorFor(list, blob);
        return anchor ? [{ hash: blob.hash, anchor }] : [];
      });
      // One manifest per root (stored canonically, so a second one is only a duplicate).
      const seen = new Set<Hex>();
      const found = await Promise.all(anchored.map(({ hash }) => manifest(patient, hash)));
      return found.flatMap((entry, i) => {
        if (!entry || seen.has(entry.manifest.root)) return [];
        seen.add(entry.manifest.root);
        return [{ ...entry, anchor: anchored[i]!.anchor }];
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
      const [list, bindings] = await Promise.all([anchors(getAddress(patient)), store.bindings(scope, hashes)]);
      return bindings.map((b) => anchorFor(list, b) !== null);
    },
  };
}

export type RecordTrees = ReturnType<typeof createRecordTrees>;
