import { size, type Hex } from 'viem';
import { OwnChartError } from '../errors/OwnChartError';
import { encryptionKeyFromSignature, type EncryptionKeyPair } from './encryptionKeyFromSignature';

/** The wallet's signature is not a plain 65-byte ECDSA signature (a smart-contract wallet, say). */
export class UnsupportedKeySignatureError extends OwnChartError {
  override name = 'UnsupportedKeySignatureError';
  constructor(signature: Hex) {
    super(
      'This wallet does not give the kind of signature OwnChart derives your encryption key from (it looks like a smart-contract wallet). Nothing was registered or stored. Use an ordinary wallet account, or a passkey account once OwnChart offers one.',
      { details: `signature of ${size(signature)} bytes, expected 65` },
    );
  }
}

/** Two signatures of the same message differ: keys derived from them could never be found again. */
export class NonDeterministicSignerError extends OwnChartError {
  override name = 'NonDeterministicSignerError';
  constructor() {
    super(
      'This wallet signed the same message differently twice, so the encryption key it gives today would not open your records tomorrow. Nothing was registered or stored. Use a wallet that signs deterministically (most software and hardware wallets do).',
    );
  }
}

function checked(signature: Hex): Hex {
  if (size(signature) !== 65) throw new UnsupportedKeySignatureError(signature);
  return signature;
}

/**
 * The account's encryption key pair from its signature over the key-derivation message. For an
 * account setting up (nothing registered or sealed yet) the wallet signs twice and both must be
 * the same 65-byte signature: a wallet that signs at random, or a contract wallet answering with
 * a short or empty signature (the same key for everyone), is refused before anything depends on it.
 * An account with a registered key signs once; the caller compares the result with the registry.
 */
export async function deriveEncryptionKey(
  sign: () => Promise<Hex>,
  { settingUp }: { settingUp: boolean },
): Promise<EncryptionKeyPair> {
  const signature = checked(await sign());
  if (settingUp && checked(await sign()).toLowerCase() !== signature.toLowerCase()) {
    throw new NonDeterministicSignerError();
  }
  return encryptionKeyFromSignature(signature);
}
