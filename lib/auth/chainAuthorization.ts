import { zeroAddress, type Address, type PublicClient } from 'viem';
import { accessRegistryAbi, emergencyAccessAbi, recordIndexAbi } from '../../contracts-abi';
import type { DisclosureBasis } from '../audit/disclosureChain';
import type { ContentHash } from '../storage/BlobStore';

export type ChainAuthorizationConfig = {
  accessRegistry: Address;
  recordIndex: Address;
  /** Break-glass access counts as read access while a window is open. */
  emergencyAccess?: Address | null;
};

export type ReadDecision =
  | { allowed: true; category: number; basis: DisclosureBasis | 'owner' }
  | { allowed: false; reason: 'not-anchored' | 'no-access' };

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
  if (reader.toLowerCase() === patient.toLowerCase()) {
    return { allowed: true, category: record.category, basis: 'owner' };
  }
  const bases = await readAccessBases(client, config, { reader, patient, categories: [record.category] });
  const basis = bases.get(record.category);
  return basis ? { allowed: true, category: record.category, basis } : { allowed: false, reason: 'no-access' };
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
 * For each of `categories` that `reader` (not the patient) may read now, on what basis: a grant in
 * AccessRegistry, else an open emergency window. One multicall for both registries.
 */
export async function readAccessBases(
  client: PublicClient,
  config: ChainAuthorizationConfig,
  { reader, patient, categories }: { reader: Address; patient: Address; categories: readonly number[] },
): Promise<Map<number, DisclosureBasis>> {
  const distinct = [...new Set(categories)];
  if (distinct.length === 0) return new Map();
  const contracts: unknown[] = distinct.map((category) => ({
    address: config.accessRegistry,
    abi: accessRegistryAbi,
    functionName: 'canRead',
    args: [patient, reader, category],
  }));
  if (config.emergencyAccess) {
    for (const category of distinct) {
      contracts.push({
        address: config.emergencyAccess,
        abi: emergencyAccessAbi,
        functionName: 'canRead',
        args: [patient, reader, category],
      });
    }
  }
  // A live caregiver reads everything the patient can.
  contracts.push({
    address: config.accessRegistry,
    abi: accessRegistryAbi,
    functionName: 'isCaregiver',
    args: [patient, reader],
  });
  const allowed = (await client.multicall({ allowFailure: false, contracts: contracts as never })) as boolean[];
  const caregiver = allowed.at(-1) === true;
  const bases = new Map<number, DisclosureBasis>();
  distinct.forEach((category, i) => {
    if (allowed[i]) bases.set(category, 'grant');
    else if (config.emergencyAccess && allowed[distinct.length + i]) bases.set(category, 'emergency');
    else if (caregiver) bases.set(category, 'caregiver');
  });
  return bases;
}

/** Which of `categories` `reader` may read of `patient`'s records now (all of them for the patient). */
export async function readableCategories(
  client: PublicClient,
  config: ChainAuthorizationConfig,
  { reader, patient, categories }: { reader: Address; patient: Address; categories: readonly number[] },
): Promise<Set<number>> {
  if (reader.toLowerCase() === patient.toLowerCase()) return new Set(categories);
  return new Set((await readAccessBases(client, config, { reader, patient, categories })).keys());
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
