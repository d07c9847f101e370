import type { Bundle, Resource } from '@medplum/fhirtypes';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { Address } from 'viem';
import { openSealedBox, sealToPublicKey } from '../crypto/sealToPublicKey';

/** What a contribution is bound to: it cannot be replayed into another study or as another patient. */
function context(studyId: bigint, patient: Address): Uint8Array {
  return utf8ToBytes(`OwnChart study contribution v1|${studyId}|${patient.toLowerCase()}`);
}

/**
 * Seals a de-identified extract (a FHIR collection Bundle) from the patient to the study's
 * researcher: only the researcher can open it, and opening proves the patient made it.
 */
export async function sealContribution(args: {
  resources: Resource[];
  studyId: bigint;
  patient: Address;
  patientPrivateKey: Uint8Array;
  researcherPublicKey: Uint8Array;
}): Promise<Uint8Array> {
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: args.resources.map((resource) => ({ resource })),
  };
  return sealToPublicKey(utf8ToBytes(JSON.stringify(bundle)), {
    recipientPublicKey: args.researcherPublicKey,
    senderPrivateKey: args.patientPrivateKey,
    context: context(args.studyId, args.patient),
  });
}

/** The resources in a contribution; throws DecryptionFailedError if it is not this patient's for this study. */
export async function openContribution(
  sealed: Uint8Array,
  args: { studyId: bigint; patient: Address; patientPublicKey: Uint8Array; researcherPrivateKey: Uint8Array },
): Promise<Resource[]> {
  const bytes = await openSealedBox(sealed, {
    recipientPrivateKey: args.researcherPrivateKey,
    senderPublicKey: args.patientPublicKey,
    context: context(args.studyId, args.patient),
  });
  const bundle = JSON.parse(new TextDecoder().decode(bytes)) as Bundle;
  return (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []));
}
