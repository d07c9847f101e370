import type { Resource } from '@medplum/fhirtypes';
import type { Address, Hash } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import type { ChainConfig } from '../chain/readChainConfig';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import { registeredPublicKey } from '../vault/registeredKey';
import { openContribution } from './contribution';
import { downloadContribution } from './studyApi';

/**
 * A contribution as the researcher reviews it: fetched, checked against its anchored hash,
 * opened with the researcher's key and the patient's registered key (proving who sealed it).
 */
export async function loadContribution(
  client: ChainReader,
  config: ChainConfig,
  {
    studyId,
    patient,
    contentHash,
    researcher,
  }: { studyId: bigint; patient: Address; contentHash: Hash; researcher: EncryptionKeyPair },
): Promise<Resource[]> {
  const [sealed, patientPublicKey] = await Promise.all([
    downloadContribution(studyId, patient, contentHash),
    registeredPublicKey(client, config, patient),
  ]);
  return openContribution(sealed, { studyId, patient, patientPublicKey, researcherPrivateKey: researcher.privateKey });
}
