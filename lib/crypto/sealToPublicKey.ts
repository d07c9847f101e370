import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { aesGcmDecrypt, aesGcmEncrypt } from './aesGcm';

const INFO = utf8ToBytes('OwnChart/ecies-auth/x25519-hkdf-sha256-aes256gcm/v1');

/** A secret sealed from one X25519 key to another: ephemeral public key (32 bytes) || AES-GCM output. */
export type SealedBox = Uint8Array;

export type SealParties = {
  recipientPublicKey: Uint8Array;
  senderPrivateKey: Uint8Array;
  /** Bound into the box as associated data: what the secret is (e.g. whose key, which category). */
  context: Uint8Array;
  /**
   * Derive the ephemeral key and IV from the sender's key and the context instead of drawing them
   * at random, so the sender can recompute the exact box later and tell a genuine stored copy from
   * a substituted one. Only for secrets that are themselves a fixed function of sender and
   * context (a derived category key): the same inputs then always give the same box.
   */
  deterministic?: boolean;
};

export type OpenParties = {
  recipientPrivateKey: Uint8Array;
  senderPublicKey: Uint8Array;
  context: Uint8Array;
};

function boxKey(
  ephemeralShared: Uint8Array,
  staticShared: Uint8Array,
  ephemeralPublicKey: Uint8Array,
  recipientPublicKey: Uint8Array,
  senderPublicKey: Uint8Array,
): Uint8Array {
  // As HPKE's Auth mode: the ephemeral exchange gives forward secrecy per box, the static one proves
  // the sender; all three public keys in the salt tie the key to this exact exchange.
  return hkdf(
    sha256,
    concatBytes(ephemeralShared, staticShared),
    concatBytes(ephemeralPublicKey, recipientPublicKey, senderPublicKey),
    INFO,
    32,
  );
}

/**
 * Authenticated ECIES (X25519 + HKDF-SHA256 + AES-256-GCM): only the recipient can open the box,
 * and opening it proves the holder of `senderPrivateKey` made it. Used to wrap category keys from
 * a patient to a grantee, so a storage server can neither read nor forge them.
 */
function derivedRandomness(senderPrivateKey: Uint8Array, context: Uint8Array) {
  const okm = hkdf(sha256, senderPrivateKey, context, utf8ToBytes('OwnChart/deterministic-seal/v1'), 44);
  return { ephemeralSecret: okm.subarray(0, 32), iv: okm.subarray(32, 44) };
}

export async function sealToPublicKey(plaintext: Uint8Array, parties: SealParties): Promise<SealedBox> {
  const derived = parties.deterministic ? derivedRandomness(parties.senderPrivateKey, parties.context) : null;
  const ephemeral = derived
    ? { secretKey: derived.ephemeralSecret, publicKey: x25519.getPublicKey(derived.ephemeralSecret) }
    : x25519.keygen();
  const key = boxKey(
    x25519.getSharedSecret(ephemeral.secretKey, parties.recipientPublicKey),
    x25519.getSharedSecret(parties.senderPrivateKey, parties.recipientPublicKey),
    ephemeral.publicKey,
    parties.recipientPublicKey,
    x25519.getPublicKey(parties.senderPrivateKey),
  );
  const body = await aesGcmEncrypt(key, plaintext, concatBytes(ephemeral.publicKey, parties.context), derived?.iv);
  return concatBytes(ephemeral.publicKey, body);
}

/** Opens a SealedBox; throws DecryptionFailedError if it was not made by that sender for this recipient and context. */
export async function openSealedBox(box: SealedBox, parties: OpenParties): Promise<Uint8Array> {
  const ephemeralPublicKey = box.subarray(0, 32);
  const key = boxKey(
    x25519.getSharedSecret(parties.recipientPrivateKey, ephemeralPublicKey),
    x25519.getSharedSecret(parties.recipientPrivateKey, parties.senderPublicKey),
    ephemeralPublicKey,
    x25519.getPublicKey(parties.recipientPrivateKey),
    parties.senderPublicKey,
  );
  return aesGcmDecrypt(key, box.subarray(32), concatBytes(ephemeralPublicKey, parties.context));
}
