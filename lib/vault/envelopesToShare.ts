import type { Address } from 'viem';
import { deriveCategoryKey, type KeyVersions } from './categoryKeys';
import { sealKeyEnvelope, type KeyEnvelope } from './keyEnvelope';

export type Recipient = {
  address: Address;
  /** X25519 public key from the KeyDirectory (checked usable by the caller). */
  publicKey: Uint8Array;
  /** Categories their grant lets them read now. */
  categories: number;
};

const envelopeId = (recipient: string, category: number, version: number) =>
  `${recipient.toLowerCase()}/${category}/${version}`;

export type OwedEnvelopes = {
  /** Envelopes to store: missing ones, and replacements for stored ones the patient did not seal. */
  owed: KeyEnvelope[];
  /** Of those, how many replace a stored envelope that was not the patient's (junk or stale). */
  replaced: number;
};

/**
 * The envelopes a patient still owes: for each recipient and each category they may read, every
 * key version up to the current one (so they can read older records too). Sealing is
 * deterministic, so a stored envelope is kept only if it is exactly the one the patient would
 * seal now: one stored by someone else in the patient's name, or sealed to a key the recipient
 * has since replaced, is sealed again rather than trusted. The cost grows with grantees ×
 * categories × revocations, never with the number of records.
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
}): Promise<OwedEnvelopes> {
  const stored = new Map(existing.map((e) => [envelopeId(e.recipient, e.category, e.version), e.box]));
  const expected: Promise<KeyEnvelope>[] = [];
  for (const recipient of recipients) {
    for (let category = 0; category < 32; category++) {
      if ((recipient.categories & (1 << category)) === 0) continue;
      for (let version = 0; version <= versions[category]!; version++) {
        expected.push(
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
  const owed: KeyEnvelope[] = [];
  let replaced = 0;
  for (const envelope of await Promise.all(expected)) {
    const box = stored.get(envelopeId(envelope.recipient, envelope.category, envelope.version));
    if (box === envelope.box) continue;
    if (box !== undefined) replaced += 1;
    owed.push(envelope);
  }
  return { owed, replaced };
}
