import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { demoAccount } from '../wallet/demoAccounts';
import { NonDeterministicSignerError, UnsupportedKeySignatureError, deriveEncryptionKey } from './deriveEncryptionKey';
import { keyDerivationTypedData } from './encryptionKeyFromSignature';

const account = privateKeyToAccount(demoAccount('Patient').privateKey);
const sign = () => account.signTypedData(keyDerivationTypedData(31337));

describe('deriveEncryptionKey', () => {
  it('asks a setting-up wallet twice and gives the same key as a registered account signing once', async () => {
    let calls = 0;
    const counting = () => {
      calls += 1;
      return sign();
    };
    const fresh = await deriveEncryptionKey(counting, { settingUp: true });
    expect(calls).toBe(2);
    const again = await deriveEncryptionKey(counting, { settingUp: false });
    expect(calls).toBe(3);
    expect(again.publicKey).toEqual(fresh.publicKey);
  });

  it('refuses a wallet that signs the same message differently, before any key exists', async () => {
    let flip = false;
    const randomSigner = async () => {
      const signature = await sign();
      flip = !flip;
      // Same length and shape, another value: what an MPC wallet with random nonces returns.
      return (flip ? signature : `${signature.slice(0, -4)}abcd`) as `0x${string}`;
    };
    await expect(deriveEncryptionKey(randomSigner, { settingUp: true })).rejects.toThrow(NonDeterministicSignerError);
  });

  it('refuses signatures that are not 65-byte ECDSA, such as a contract wallet’s empty answer', async () => {
    for (const odd of ['0x', `0x${'11'.repeat(64)}`, `0x${'11'.repeat(200)}`] as const) {
      await expect(deriveEncryptionKey(async () => odd, { settingUp: true })).rejects.toThrow(
        UnsupportedKeySignatureError,
      );
      await expect(deriveEncryptionKey(async () => odd, { settingUp: false })).rejects.toThrow(
        UnsupportedKeySignatureError,
      );
    }
  });
});
