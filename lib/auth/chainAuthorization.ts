import { zeroAddress, type Address, type PublicClient } from 'viem';
import { accessRegistryAbi, recordIndexAbi } from '../../contracts-abi';
import type { ContentHash } from '../storage/BlobStore';

export type ChainAuthorizationConfig = {
  accessRegistry: Address;
  recordIndex: Address;
};

export type ReadDecision =
  { allowed: true; category: number } | { allowed: false; reason: 'not-anchored' | 'no-access' };

/**
 * May `reader` fetch `patient`’s blob `hash` now? Read from the chain at request time:
 * the record’s category from RecordIndex; the patient is always allowed and anyone
 * else needs a live grant covering that category (two reads, the second depending on the first).
 * A revoked or expired grant reads nothing.
 */
export async function authorizeBlobRead(
  client: PublicClient,
  config: ChainAuthorizationConfig,
  { reader, patient, hash }: { reader: Address; patient: Address; hash: ContentHash },
): Promise<ReadDecision> {
  const record = await client.readContract({
    address: config.recordIndex,
    abi: recordIndexAbi,
    functionName: 'recordByHash',
    args: [patient, hash],
  });
  if (record.author === zeroAddress) return { allowed: false, reason: 'not-anchored' };
  if (reader.toLowerCase() === patient.toLowerCase()) return { allowed: true, category: record.category };
  const canRead = await client.readContract({
    address: config.accessRegistry,
    abi: accessRegistryAbi,
    functionName: 'canRead',
    args: [patient, reader, record.category],
  });
  return canRead ? { allowed: true, category: record.category } : { allowed: false, reason: 'no-access' };
}

/** May `writer` add a record in `category` to `patient`'s records now? */
export async function authorizeBlobWrite(
  client: PublicClient,
  config: ChainAuthorizationConfig,
  { writer, patient, category }: { writer: Address; patient: Address; category: number },
): Promise<boolean> {
  if (writer.toLowerCase() === patient.toLowerCase()) return true;
  return client.readContract({
    address: config.accessRegistry,
    abi: accessRegistryAbi,
    functionName: 'canWrite',
    args: [patient, writer, category],
  });
}

/**
 * Which of `categories` `reader` may read of `patient`'s records now: all of them for the patient,
 * otherwise one multicall of `canRead` per distinct category.
 */
export async function readableCategories(
  client: PublicClient,
  config: ChainAuthorizationConfig,
  { reader, patient, categories }: { reader: Address; patient: Address; categories: readonly number[] },
): Promise<Set<number>> {
  const distinct = [...new Set(categories)];
  if (reader.toLowerCase() === patient.toLowerCase()) return new Set(distinct);
  const allowed = await client.multicall({
    allowFailure: false,
    contracts: distinct.map((category) => ({
      address: config.accessRegistry,
      abi: accessRegistryAbi,
      functionName: 'canRead' as const,
      args: [patient, reader, category] as const,
    })),
  });
  return new Set(distinct.filter((_, i) => allowed[i]));
}

/** The anchored category of each of `hashes` (null where not anchored for `patient`), in one multicall. */
export async function anchoredCategories(
  client: PublicClient,
  config: ChainAuthorizationConfig,
  { patient, hashes }: { patient: Address; hashes: readonly ContentHash[] },
): Promise<(number | null)[]> {
  const records = await client.multicall({
    allowFailure: false,
    contracts: hashes.map((hash) => ({
      address: config.recordIndex,
      abi: recordIndexAbi,
      functionName: 'recordByHash' as const,
      args: [patient, hash] as const,
    })),
  });
  return records.map((record) => (record.author === zeroAddress ? null : record.category));
}
