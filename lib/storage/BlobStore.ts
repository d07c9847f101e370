import type { Address, Hex } from 'viem';

/**
 * Where a blob belongs: `records/<patient>`, `contributions/<study>/<patient>`, `documents`.
 * Every blob lives in exactly one scope, and a read names the scope it is authorized for, so a
 * hash anchored by someone else under another patient never reaches the first patient's blob.
 */
export type BlobScope = string;

/** What the server itself recorded when a blob was stored: whose it is and who put it there. */
export type BlobBinding = {
  scope: BlobScope;
  /** The signed-in account that uploaded it (the patient, or a writer the chain allowed). */
  uploader: Address;
  /** The category the upload was authorized for, where the scope has categories. */
  category: number | null;
  /**
   * For a record, the Merkle root of the import it is a leaf of; for an import's manifest, the
   * root it describes. It counts as anchored once RecordRoots holds that root by the uploader.
   */
  root: Hex | null;
  /** Milliseconds since the epoch. */
  storedAt: number;
};

export type StoredBlob = BlobBinding & { hash: ContentHash };

/** The store holds bytes under this hash that no longer match it (disk damage or tampering). */
export class DamagedBlobError extends Error {
  override name = 'DamagedBlobError';
  constructor(readonly hash: ContentHash) {
    super(`Stored blob ${hash} does not match its hash`);
  }
}

/**
 * Ciphertext storage by scope and content hash: bindings in the server database, bytes in an
 * object store, files on disk by default or an S3-compatible bucket (BoundBlobStore).
 */
export interface BlobStore {
  /**
   * Stores `bytes` in `scope` under their SHA-256 with `binding`. Storing the same bytes again in
   * the same scope keeps the first binding (first uploader wins). Returns the hash.
   */
  put(
    scope: BlobScope,
    bytes: Uint8Array,
    binding: Omit<BlobBinding, 'scope' | 'storedAt' | 'root'> & { root?: Hex },
  ): Promise<{ hash: ContentHash; created: boolean }>;
  /** The bytes in `scope` under `hash`, or null; throws DamagedBlobError if they do not match it. */
  get(scope: BlobScope, hash: ContentHash): Promise<Uint8Array | null>;
  /** The binding of the blob in `scope` under `hash`, or null if none is stored there. */
  binding(scope: BlobScope, hash: ContentHash): Promise<BlobBinding | null>;
  /** The bindings of many blobs in `scope` at once, in the order asked (null where none). */
  bindings(scope: BlobScope, hashes: readonly ContentHash[]): Promise<(BlobBinding | null)[]>;
  /** Every blob stored in `scope` with its binding, by hash (a patient's manifests, or all their records). */
  list(scope: BlobScope): Promise<StoredBlob[]>;
  /** Removes a blob and its binding (unanchored uploads past their grace time). */
  delete(scope: BlobScope, hash: ContentHash): Promise<void>;
}

/** Lower-case hex SHA-256 with 0x prefix, as anchored on-chain. */
export type ContentHash = `0x${string}`;

export function isContentHash(value: string): value is ContentHash {
  return /^0x[0-9a-f]{64}$/.test(value);
}

/** The scope of a patient's record blobs. */
export const recordScope = (patient: Address): BlobScope => `records/${patient.toLowerCase()}`;

/** The scope of one patient's contributions to one study. */
export const contributionScope = (study: bigint, patient: Address): BlobScope =>
  `contributions/${study}/${patient.toLowerCase()}`;

/** The scope of the manifests (leaves of each import's Merkle tree) of a patient's records. */
export const manifestScope = (patient: Address): BlobScope => `manifests/${patient.toLowerCase()}`;

/** Public study descriptions and consent documents. */
export const DOCUMENT_SCOPE: BlobScope = 'documents';

export function isBlobScope(scope: string): boolean {
  return /^[a-z]+(\/[0-9a-z]+)*$/.test(scope);
}
