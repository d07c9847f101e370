import type { Resource } from '@medplum/fhirtypes';
import { hexToBytes, zeroHash, type Address, type Hash, type PublicClient } from 'viem';
import { keyDirectoryAbi } from '../../contracts-abi';
import type { ChainConfig } from '../chain/readChainConfig';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import { OwnChartError } from '../errors/OwnChartError';
import { vaultContracts } from '../vault/vaultContracts';
import { openContribution } from './contribution';
import { downloadContribution } from './studyApi';

/** The account's registered encryption public key, or a clear error when it has none. */
export async function registeredPublicKey(client: PublicClient, config: ChainConfig, account: Address) {
  const key = await client.readContract({
    address: vaultContracts(config).keyDirectory,
    abi: keyDirectoryAbi,
    functionName: 'keyOf',
    args: [account],
  });
  if (key === zeroHash)
    throw new OwnChartError('This account has not set up encryption, so nothing can be sealed to it.');
  return hexToBytes(key);
}

/**
 * A contribution as the researcher reviews it: fetched, checked against its anchored hash,
 * opened with the researcher's key and the patient's registered key (proving who sealed it).
 */
export async function loadContribution(
  client: PublicClient,
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
