import { base64 } from '@scure/base';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { Address } from 'viem';
import { openSealedBox, sealToPublicKey } from '../crypto/sealToPublicKey';

/** A category key sealed from a patient to one grantee, as the storage API carries it. */
export type KeyEnvelope = {
  recipient: Address;
  category: number;
  version: number;
  /** Base64 of the sealed box. */
  box: string;
};

/** Ephemeral key (32) + IV (12) + key (32) + tag (16). */
export const ENVELOPE_BOX_BYTES = 92;

/** What an envelope is for, bound into its box: it cannot be moved to another patient, reader, category or version. */
function context(patient: Address, envelope: Omit<KeyEnvelope, 'box'>): Uint8Array {
  return utf8ToBytes(
    `OwnChart key envelope v1|${patient.toLowerCase()}|${envelope.recipient.toLowerCase()}|${envelope.category}|${envelope.version}`,
  );
}

/**
 * Seals a category key to a recipient. Deterministic: the same patient, recipient key, category
 * and version always give the same box, so the patient can check that a stored envelope is the
 * one they sealed (not junk someone stored in their name) by sealing it again and comparing.
 */
export async function sealKeyEnvelope(args: {
  patient: Address;
  patientPrivateKey: Uint8Array;
  recipient: Address;
  recipientPublicKey: Uint8Array;
  category: number;
  version: number;
  categoryKey: Uint8Array;
}): Promise<KeyEnvelope> {
  const meta = { recipient: args.recipient, category: args.category, version: args.version };
  const box = await sealToPublicKey(args.categoryKey, {
    recipientPublicKey: args.recipientPublicKey,
    senderPrivateKey: args.patientPrivateKey,
    context: context(args.patient, meta),
    deterministic: true,
  });
  return { ...meta, box: base64.encode(box) };
}

/** The category key inside `envelope`; throws DecryptionFailedError unless the patient sealed it for this reader. */
export async function openKeyEnvelope(
  envelope: KeyEnvelope,
  args: { patient: Address; patientPublicKey: Uint8Array; recipientPrivateKey: Uint8Array },
): Promise<Uint8Array> {
  return openSealedBox(base64.decode(envelope.box), {
    recipientPrivateKey: args.recipientPrivateKey,
    senderPublicKey: args.patientPublicKey,
    context: context(args.patient, envelope),
  });
}
