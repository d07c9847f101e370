/**
 * Content-addressed storage for ciphertext blobs and key envelopes. The embedded default is a
 * directory on disk (FsBlobStore); an S3-compatible store or IPFS implements the same interface.
 */
export interface BlobStore {
  /** Stores `bytes` under their SHA-256; storing the same bytes again is a no-op. Returns the hash. */
  put(bytes: Uint8Array): Promise<ContentHash>;
  /** The bytes stored under `hash`, or null. */
  get(hash: ContentHash): Promise<Uint8Array | null>;
  has(hash: ContentHash): Promise<boolean>;
}

/** Lower-case hex SHA-256 with 0x prefix, as anchored on-chain. */
export type ContentHash = `0x${string}`;

export function isContentHash(value: string): value is ContentHash {
  return /^0x[0-9a-f]{64}$/.test(value);
}
