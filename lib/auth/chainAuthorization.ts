import type { Address, PublicClient } from 'viem';
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
  if (record.author === '0x0000000000000000000000000000000000000000') return { allowed: false, reason: 'not-anchored' };
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
