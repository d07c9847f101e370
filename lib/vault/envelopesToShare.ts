import type { Address } from 'viem';
import { deriveCategoryKey, type KeyVersions } from './categoryKeys';
import { sealKeyEnvelope, type KeyEnvelope } from './keyEnvelope';

export type Recipient = {
  address: Address;
  /** X25519 public key from the KeyDirectory. */
  publicKey: Uint8Array;
  /** Categories their grant lets them read now. */
  categories: number;
};

const envelopeId = (recipient: string, category: number, version: number) =>
  `${recipient.toLowerCase()}/${category}/${version}`;

/**
 * The envelopes a patient still owes: for each recipient and each category they may read, every
 * key version up to the current one (so they can read older records too). The cost grows with
 * grantees × categories × revocations, never with the number of records.
 */
export async function envelopesToShare({
  patient,
  patientPrivateKey,
  recipients,
  versions,
  existing,
}: {
  patient: Address;
  patientPrivateKey: Uint8Array;
  recipients: readonly Recipient[];
  versions: KeyVersions;
  existing: readonly KeyEnvelope[];
}): Promise<KeyEnvelope[]> {
  const have = new Set(existing.map((e) => envelopeId(e.recipient, e.category, e.version)));
  const owed: Promise<KeyEnvelope>[] = [];
  for (const recipient of recipients) {
    for (let category = 0; category < 32; category++) {
      if ((recipient.categories & (1 << category)) === 0) continue;
      for (let version = 0; version <= versions[category]!; version++) {
        if (have.has(envelopeId(recipient.address, category, version))) continue;
        owed.push(
          sealKeyEnvelope({
            patient,
            patientPrivateKey,
            recipient: recipient.address,
            recipientPublicKey: recipient.publicKey,
            category,
            version,
            categoryKey: deriveCategoryKey(patientPrivateKey, category, version),
          }),
        );
      }
    }
  }
  return Promise.all(owed);
}
