import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { aesGcmDecrypt, aesGcmEncrypt } from './aesGcm';

const INFO = utf8ToBytes('OwnChart/ecies/x25519-hkdf-sha256-aes256gcm/v1');

/** A secret sealed to one X25519 public key: ephemeral public key (32 bytes) || AES-GCM output. */
export type SealedBox = Uint8Array;

function boxKey(shared: Uint8Array, ephemeralPublicKey: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  // Binding both public keys into the salt ties the key to this exact exchange.
  return hkdf(sha256, shared, concatBytes(ephemeralPublicKey, recipientPublicKey), INFO, 32);
}

/**
 * ECIES: seals `plaintext` so only the holder of `recipientPublicKey`'s private key can open it
 * (X25519 with a fresh ephemeral key, HKDF-SHA256, AES-256-GCM). Used to wrap category keys.
 */
export async function sealToPublicKey(plaintext: Uint8Array, recipientPublicKey: Uint8Array): Promise<SealedBox> {
  const ephemeral = x25519.keygen();
  const shared = x25519.getSharedSecret(ephemeral.secretKey, recipientPublicKey);
  const key = boxKey(shared, ephemeral.publicKey, recipientPublicKey);
  const body = await aesGcmEncrypt(key, plaintext, ephemeral.publicKey);
  return concatBytes(ephemeral.publicKey, body);
}

/** Opens a SealedBox with the recipient's X25519 private key; throws if it was not for them. */
export async function openSealedBox(box: SealedBox, recipientPrivateKey: Uint8Array): Promise<Uint8Array> {
  const ephemeralPublicKey = box.subarray(0, 32);
  const shared = x25519.getSharedSecret(recipientPrivateKey, ephemeralPublicKey);
  const key = boxKey(shared, ephemeralPublicKey, x25519.getPublicKey(recipientPrivateKey));
  return aesGcmDecrypt(key, box.subarray(32), ephemeralPublicKey);
}
