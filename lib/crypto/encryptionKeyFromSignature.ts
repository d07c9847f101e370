import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { hexToBytes, type Hex, type TypedDataDefinition } from 'viem';

/**
 * The fixed EIP-712 message an account signs to derive its encryption key. Domain-bound (name,
 * version, chain) so no other app or chain can obtain the same signature by asking for it.
 */
export function keyDerivationTypedData(chainId: number) {
  return {
    domain: { name: 'OwnChart', version: '1', chainId },
    types: { KeyDerivation: [{ name: 'purpose', type: 'string' }] },
    primaryType: 'KeyDerivation',
    message: {
      purpose:
        'Unlock my OwnChart encryption key. Signing is free, sends no transaction and does not share my records.',
    },
  } as const satisfies TypedDataDefinition;
}

export type EncryptionKeyPair = { privateKey: Uint8Array; publicKey: Uint8Array };

/**
 * Derives an account's X25519 key pair from its signature over keyDerivationTypedData.
 * Wallets sign deterministically (RFC 6979), so the same account always gets the same key;
 * callers must check the public key against the one registered on-chain.
 */
export function encryptionKeyFromSignature(signature: Hex): EncryptionKeyPair {
  const privateKey = hkdf(
    sha256,
    hexToBytes(signature),
    utf8ToBytes('OwnChart/x25519/v1'),
    utf8ToBytes('encryption key'),
    32,
  );
  return { privateKey, publicKey: x25519.getPublicKey(privateKey) };
}
