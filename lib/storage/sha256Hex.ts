import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ContentHash } from './BlobStore';

/**
 * The same, through WebCrypto: asynchronous and in the platform's native code, for where many
 * blobs are checked at once (a chart of a thousand records was one long task in script).
 */
export async function sha256HexAsync(bytes: Uint8Array): Promise<ContentHash> {
  return `0x${bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)))}`;
}

/** SHA-256 of `bytes` as a ContentHash (0x + 64 lower-case hex). */
export function sha256Hex(bytes: Uint8Array): ContentHash {
  return `0x${bytesToHex(sha256(bytes))}`;
}
