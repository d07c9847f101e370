import type { Resource } from '@medplum/fhirtypes';
import type { Address, Hash } from 'viem';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import { sealContribution } from './contribution';
import { deidentify } from './deidentify';
import type { Study } from './readStudies';

export type PrepareContributionSteps = {
  /** The patient's own records, opened in their browser. */
  readRecords: () => Promise<Resource[]>;
  /** The researcher's registered encryption key: the only key the contribution is sealed to. */
  researcherPublicKey: (researcher: Address) => Promise<Uint8Array>;
  /** Stores the sealed bytes; returns their content hash, which the patient then anchors. */
  upload: (studyId: bigint, sealed: Uint8Array) => Promise<Hash>;
  onProgress?: (step: string) => void;
};

/**
 * The contribution pipeline, up to the anchoring transaction: read the patient's records,
 * de-identify them for the study's categories (in the browser: nothing identifying leaves it),
 * seal the extract to the researcher, and store it. Returns what to anchor.
 */
export async function prepareContribution(
  { study, patient, keys }: { study: Study; patient: Address; keys: EncryptionKeyPair },
  steps: PrepareContributionSteps,
): Promise<{ contentHash: Hash; resources: number }> {
  steps.onProgress?.('Reading your records…');
  const extract = deidentify(await steps.readRecords(), study.categories);
  steps.onProgress?.(`De-identifying and encrypting ${extract.length} resources for the researcher…`);
  const sealed = await sealContribution({
    resources: extract,
    studyId: study.id,
    patient,
    patientPrivateKey: keys.privateKey,
    researcherPublicKey: await steps.researcherPublicKey(study.researcher),
  });
  return { contentHash: await steps.upload(study.id, sealed), resources: extract.length };
}
