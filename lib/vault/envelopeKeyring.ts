import type { Address } from 'viem';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import { openKeyEnvelope, type KeyEnvelope } from './keyEnvelope';
import type { Keyring } from './openRecords';

/** A grantee's category keys, opened from the patient's envelopes as needed. */
export function envelopeKeyring(
  envelopes: readonly KeyEnvelope[],
  patient: Address,
  patientPublicKey: Uint8Array,
  reader: EncryptionKeyPair,
): Keyring {
  const opened = new Map<string, Promise<Uint8Array>>();
  return async (category, version) => {
    const envelope = envelopes.find((e) => e.category === category && e.version === version);
    if (!envelope) return null;
    const id = `${category}/${version}`;
    if (!opened.has(id)) {
      opened.set(id, openKeyEnvelope(envelope, { patient, patientPublicKey, recipientPrivateKey: reader.privateKey }));
    }
    return opened.get(id)!;
  };
}
