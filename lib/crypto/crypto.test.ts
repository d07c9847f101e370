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
  it('opens only for the recipient', async () => {
    const patient = privateKeyToAccount(demoAccount('Patient').privateKey);
    const clinician = privateKeyToAccount(demoAccount('Clinician').privateKey);
    const recipient = encryptionKeyFromSignature(await clinician.signTypedData(keyDerivationTypedData(31337)));
    const outsider = encryptionKeyFromSignature(await patient.signTypedData(keyDerivationTypedData(31337)));
    const categoryKey = randomKey();

    const box = await sealToPublicKey(categoryKey, recipient.publicKey);
    expect(await openSealedBox(box, recipient.privateKey)).toEqual(categoryKey);
    await expect(openSealedBox(box, outsider.privateKey)).rejects.toThrow(DecryptionFailedError);

    const tampered = box.slice();
    tampered[40]! ^= 1;
    await expect(openSealedBox(tampered, recipient.privateKey)).rejects.toThrow(DecryptionFailedError);
  });
});
