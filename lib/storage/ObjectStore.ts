/**
 * Bytes by key and nothing else: where a BlobStore keeps ciphertext. A put is atomic (a reader
 * sees the whole object or none); who stored what, for whom, is never here but in the database
 * (BoundBlobStore), so the object store is trusted for nothing but returning bytes, which are
 * checked against their hash on every read.
 */
export interface ObjectStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** `a/b/0x1234…` keys only: no `..`, no absolute paths, nothing that leaves its prefix. */
export function isObjectKey(key: string): boolean {
  return /^[a-z]+(\/[0-9a-z]+)*$/.test(key);
}
