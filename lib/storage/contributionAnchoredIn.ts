import { getAddress, type Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { researchStudiesAbi } from '../../contracts-abi';
import type { BlobScope, ContentHash } from './BlobStore';

/**
 * For the upload quota: which hashes are the contribution the chain holds for the study and
 * patient a contribution scope (`contributions/<study>/<patient>`) belongs to (one read).
 */
export function contributionAnchoredIn(client: ChainReader, studies: Address) {
  return async (scope: BlobScope, hashes: readonly ContentHash[]): Promise<boolean[]> => {
    const [kind, study, patient] = scope.split('/');
    if (kind !== 'contributions' || !study || !patient) throw new RangeError(`Not a contribution scope: ${scope}`);
    if (hashes.length === 0) return [];
    const { contributionHash } = await client.readContract({
      address: studies,
      abi: researchStudiesAbi,
      functionName: 'participationOf',
      args: [BigInt(study), getAddress(patient)],
    });
    return hashes.map((hash) => hash === contributionHash.toLowerCase());
  };
}
