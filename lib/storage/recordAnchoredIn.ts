import { getAddress, type Address, type PublicClient } from 'viem';
import { recordIndexAbi } from '../../contracts-abi';
import type { BlobScope, ContentHash } from './BlobStore';

/**
 * For the upload quota: which hashes RecordIndex has anchored for the patient a record scope
 * (`records/<patient>`) belongs to, in one multicall.
 */
export function recordAnchoredIn(client: PublicClient, recordIndex: Address) {
  return async (scope: BlobScope, hashes: readonly ContentHash[]): Promise<boolean[]> => {
    const [kind, patient] = scope.split('/');
    if (kind !== 'records' || !patient) throw new RangeError(`Not a record scope: ${scope}`);
    if (hashes.length === 0) return [];
    return client.multicall({
      allowFailure: false,
      contracts: hashes.map((hash) => ({
        address: recordIndex,
        abi: recordIndexAbi,
        functionName: 'isAnchored' as const,
        args: [getAddress(patient), hash] as const,
      })),
    });
  };
}
