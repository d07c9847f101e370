import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { demoAccount } from '../wallet/demoAccounts';
import { aesGcmDecrypt, aesGcmEncrypt, DecryptionFailedError, randomKey } from './aesGcm';
import { encryptionKeyFromSignature, keyDerivationTypedData } from './encryptionKeyFromSignature';
import { openSealedBox, sealToPublicKey } from './sealToPublicKey';

const text = new TextEncoder().encode('{"resourceType":"Condition","code":{"text":"Asthma"}}');

describe('aesGcm', () => {
  it('round-trips and never repeats a ciphertext', async () => {
    const key = randomKey();
    const a = await aesGcmEncrypt(key, text);
    const b = await aesGcmEncrypt(key, text);
    expect(a).not.toEqual(b);
    expect(await aesGcmDecrypt(key, a)).toEqual(text);
  });

  it('refuses a wrong key, a tampered byte and wrong associated data', async () => {
    const key = randomKey();
    const sealed = await aesGcmEncrypt(key, text, new Uint8Array([1]));
    await expect(aesGcmDecrypt(randomKey(), sealed, new Uint8Array([1]))).rejects.toThrow(DecryptionFailedError);
    const tampered = sealed.slice();
    tampered[20]! ^= 1;
    await expect(aesGcmDecrypt(key, tampered, new Uint8Array([1]))).rejects.toThrow(DecryptionFailedError);
    await expect(aesGcmDecrypt(key, sealed, new Uint8Array([2]))).rejects.toThrow(DecryptionFailedError);
    await expect(aesGcmDecrypt(key, sealed.subarray(0, 10))).rejects.toThrow(DecryptionFailedError);
  });
});

describe('encryptionKeyFromSignature', () => {
  it('derives the same key pair from the same account every time, and different ones per account', async () => {
    const typedData = keyDerivationTypedData(31337);
    const patient = privateKeyToAccount(demoAccount('Patient').privateKey);
    const clinician = privateKeyToAccount(demoAccount('Clinician').privateKey);
    const first = encryptionKeyFromSignature(await patient.signTypedData(typedData));
    const again = encryptionKeyFromSignature(await patient.signTypedData(typedData));
    const other = encryptionKeyFromSignature(await clinician.signTypedData(typedData));
    expect(again.publicKey).toEqual(first.publicKey);
    expect(other.publicKey).not.toEqual(first.publicKey);
    expect(first.publicKey).toHaveLength(32);
  });

  it('is bound to the chain: another chain id gives another key', async () => {
    const patient = privateKeyToAccount(demoAccount('Patient').privateKey);
    const local = encryptionKeyFromSignature(await patient.signTypedData(keyDerivationTypedData(31337)));
    const mainnet = encryptionKeyFromSignature(await patient.signTypedData(keyDerivationTypedData(1)));
    expect(mainnet.publicKey).not.toEqual(local.publicKey);
  });
});

describe('sealToPublicKey', () => {
  const typedData = keyDerivationTypedData(31337);
  const keysOf = async (role: 'Patient' | 'Clinician' | 'Researcher') =>
    encryptionKeyFromSignature(await privateKeyToAccount(demoAccount(role).privateKey).signTypedData(typedData));
  const context = new TextEncoder().encode('category 0 version 0');

  it('opens only for the recipient, from the sender, in the same context', async () => {
    const [patient, clinician, outsider] = await Promise.all([
      keysOf('Patient'),
      keysOf('Clinician'),
      keysOf('Researcher'),
    ]);
    const categoryKey = randomKey();
    const box = await sealToPublicKey(categoryKey, {
      recipientPublicKey: clinician.publicKey,
      senderPrivateKey: patient.privateKey,
      context,
    });
    const opener = { recipientPrivateKey: clinician.privateKey, senderPublicKey: patient.publicKey, context };
    expect(await openSealedBox(box, opener)).toEqual(categoryKey);

    await expect(openSealedBox(box, { ...opener, recipientPrivateKey: outsider.privateKey })).rejects.toThrow(
      DecryptionFailedError,
    );
    // Moved to another category or version: refused.
    await expect(openSealedBox(box, { ...opener, context: new Uint8Array([9]) })).rejects.toThrow(
      DecryptionFailedError,
    );
    const tampered = box.slice();
    tampered[40]! ^= 1;
    await expect(openSealedBox(tampered, opener)).rejects.toThrow(DecryptionFailedError);
  });

  it('refuses a box forged by someone other than the claimed sender', async () => {
    const [patient, clinician, outsider] = await Promise.all([
      keysOf('Patient'),
      keysOf('Clinician'),
      keysOf('Researcher'),
    ]);
    // Anyone can seal to the clinician's public key, but not as the patient.
    const forged = await sealToPublicKey(randomKey(), {
      recipientPublicKey: clinician.publicKey,
      senderPrivateKey: outsider.privateKey,
      context,
    });
    await expect(
      openSealedBox(forged, { recipientPrivateKey: clinician.privateKey, senderPublicKey: patient.publicKey, context }),
    ).rejects.toThrow(DecryptionFailedError);
  });
});

describe('isUsableX25519PublicKey', () => {
  it('accepts a real public key and refuses low-order points and wrong lengths', async () => {
    const { isUsableX25519PublicKey } = await import('./isUsableX25519PublicKey');
    const account = privateKeyToAccount(demoAccount('Patient').privateKey);
    const real = encryptionKeyFromSignature(await account.signTypedData(keyDerivationTypedData(31337))).publicKey;
    expect(isUsableX25519PublicKey(real)).toBe(true);
    const lowOrder = [
      '00'.repeat(32),
      `01${'00'.repeat(31)}`,
      'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
    ];
    for (const hex of lowOrder) expect(isUsableX25519PublicKey(Buffer.from(hex, 'hex'))).toBe(false);
    expect(isUsableX25519PublicKey(real.subarray(0, 31))).toBe(false);
  });
});

describe('deterministic sealing', () => {
  it('gives the same box for the same parties and context, and still opens only for the recipient', async () => {
    const sender = randomKey();
    const { x25519 } = await import('@noble/curves/ed25519.js');
    const recipient = x25519.keygen();
    const parties = {
      recipientPublicKey: recipient.publicKey,
      senderPrivateKey: sender,
      context: new Uint8Array([7]),
      deterministic: true,
    };
    const a = await sealToPublicKey(text, parties);
    expect(await sealToPublicKey(text, parties)).toEqual(a);
    expect(await sealToPublicKey(text, { ...parties, context: new Uint8Array([8]) })).not.toEqual(a);
    expect(await sealToPublicKey(text, { ...parties, deterministic: false })).not.toEqual(a);
    expect(
      await openSealedBox(a, {
        recipientPrivateKey: recipient.secretKey,
        senderPublicKey: x25519.getPublicKey(sender),
        context: new Uint8Array([7]),
      }),
    ).toEqual(text);
  });
});
