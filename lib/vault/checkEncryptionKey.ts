import { bytesToHex, type Hex } from 'viem';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import { OwnChartError } from '../errors/OwnChartError';

const NO_KEY: Hex = `0x${'0'.repeat(64)}`;

/** The key this wallet's signature gives is not the one registered on-chain for the account. */
export class EncryptionKeyMismatchError extends OwnChartError {
  override name = 'EncryptionKeyMismatchError';
  constructor(registered: Hex, derived: Hex) {
    super(
      'This wallet produced a different encryption key from the one registered for your account, so your records cannot be opened. Use the wallet you set OwnChart up with; nothing has been changed.',
      { details: `registered ${registered}, derived ${derived}` },
    );
  }
}

/** The account has no key in the KeyDirectory yet. */
export function isUnregistered(registered: Hex): boolean {
  return registered.toLowerCase() === NO_KEY;
}

/**
 * Compares the key a wallet signature gave with the account's key in the KeyDirectory: "registered"
 * when they agree, "unregistered" when the account has none yet; throws when they differ (another
 * wallet or a non-deterministic signer), before anything could be sealed under the wrong key.
 */
export function checkEncryptionKey(derived: EncryptionKeyPair, registered: Hex): 'registered' | 'unregistered' {
  if (isUnregistered(registered)) return 'unregistered';
  const derivedHex = bytesToHex(derived.publicKey);
  if (derivedHex.toLowerCase() !== registered.toLowerCase())
    throw new EncryptionKeyMismatchError(registered, derivedHex);
  return 'registered';
}
