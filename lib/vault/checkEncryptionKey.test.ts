import { bytesToHex, zeroHash } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { encryptionKeyFromSignature, keyDerivationTypedData } from '../crypto/encryptionKeyFromSignature';
import { demoAccount } from '../wallet/demoAccounts';
import { checkEncryptionKey, EncryptionKeyMismatchError } from './checkEncryptionKey';

describe('checkEncryptionKey', () => {
  it('accepts the registered key, asks for registration when none, and refuses another', async () => {
    const sign = (role: 'Patient' | 'Clinician') =>
      privateKeyToAccount(demoAccount(role).privateKey).signTypedData(keyDerivationTypedData(31337));
    const mine = encryptionKeyFromSignature(await sign('Patient'));
    const other = encryptionKeyFromSignature(await sign('Clinician'));
    expect(checkEncryptionKey(mine, bytesToHex(mine.publicKey))).toBe('registered');
    expect(checkEncryptionKey(mine, zeroHash)).toBe('unregistered');
    expect(() => checkEncryptionKey(mine, bytesToHex(other.publicKey))).toThrow(EncryptionKeyMismatchError);
    expect(() => checkEncryptionKey(mine, bytesToHex(other.publicKey))).toThrow(/different encryption key/);
  });
});
