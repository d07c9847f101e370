import { x25519 } from '@noble/curves/ed25519.js';

/** Any fixed scalar: a low-order point gives the all-zero secret for every clamped scalar. */
const PROBE = new Uint8Array(32).fill(0x42);

/**
 * Whether a box can be sealed to `publicKey`: 32 bytes and not a low-order X25519 point, whose
 * shared secret would be all zeros for everyone (noble refuses to compute it). KeyDirectory
 * refuses such keys too; this check also covers keys registered before it did, on any chain.
 */
export function isUsableX25519PublicKey(publicKey: Uint8Array): boolean {
  if (publicKey.length !== 32) return false;
  try {
    x25519.getSharedSecret(PROBE, publicKey);
    return true;
  } catch {
    return false;
  }
}
