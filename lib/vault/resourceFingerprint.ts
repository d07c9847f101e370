import type { Resource } from '@medplum/fhirtypes';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Identifies a resource's content; never leaves the browser. */
export function resourceFingerprint(resource: Resource): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(resource))));
}
