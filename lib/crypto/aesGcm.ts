/**
 * AES-256-GCM through WebCrypto (browser and Node alike). Output is iv (12 bytes) || ciphertext
 * with its 16-byte tag; a wrong key or any altered byte fails to decrypt.
 */
const IV_BYTES = 12;

export class DecryptionFailedError extends Error {
  override name = 'DecryptionFailedError';
  constructor() {
    super('This data could not be decrypted: the key is wrong or the data was altered.');
  }
}

async function importKey(key: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
  return crypto.subtle.importKey('raw', key as BufferSource, 'AES-GCM', false, [usage]);
}

/** A fresh random 256-bit key. */
export function randomKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

/**
 * Encrypts under a fresh random IV, or under `iv` when the caller derives one: only where the
 * same key never meets two different plaintexts (see sealToPublicKey's deterministic mode).
 */
export async function aesGcmEncrypt(
  key: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
  iv: Uint8Array = crypto.getRandomValues(new Uint8Array(IV_BYTES)),
): Promise<Uint8Array> {
  if (iv.length !== IV_BYTES) throw new RangeError('AES-GCM needs a 12-byte IV');
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: iv as BufferSource, ...(aad ? { additionalData: aad as BufferSource } : {}) },
    await importKey(key, 'encrypt'),
    plaintext as BufferSource,
  );
  const out = new Uint8Array(IV_BYTES + ciphertext.byteLength);
  out.set(iv);
  out.set(new Uint8Array(ciphertext), IV_BYTES);
  return out;
}

export async function aesGcmDecrypt(key: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Promise<Uint8Array> {
  if (sealed.length < IV_BYTES + 16) throw new DecryptionFailedError();
  try {
    const plaintext = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: sealed.subarray(0, IV_BYTES) as BufferSource,
        ...(aad ? { additionalData: aad as BufferSource } : {}),
      },
      await importKey(key, 'decrypt'),
      sealed.subarray(IV_BYTES) as BufferSource,
    );
    return new Uint8Array(plaintext);
  } catch {
    throw new DecryptionFailedError();
  }
}
