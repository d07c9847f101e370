import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ContentHash } from './BlobStore';

/** SHA-256 of `bytes` as a ContentHash (0x + 64 lower-case hex). */
export function sha256Hex(bytes: Uint8Array): ContentHash {
  return `0x${bytesToHex(sha256(bytes))}`;
}
