import type { Address, PublicClient } from 'viem';
import { accessRegistryAbi, emergencyAccessAbi } from '../../contracts-abi';
import type { DisclosureBasis } from '../audit/disclosureChain';

export type ChainAuthorizationConfig = {
  accessRegistry: Address;
  recordRoots: Address;
  /** Break-glass access counts as read access while a window is open. */
  emergencyAccess?: Address | null;
};

/** Every category bit: what the patient may write in their own records. */
export const EVERY_CATEGORY_BIT = 0xffffffff;

/** The categories (a bit set) `writer` may add records to for `patient` now. */
export async function readWriteScope(
  client: PublicClient,
  config: ChainAuthorizationConfig,
  { writer, patient }: { writer: Address; patient: Address },
): Promise<number> {
  if (writer.toLowerCase() === patient.toLowerCase()) return EVERY_CATEGORY_BIT;
  return client.readContract({
    address: config.accessRegistry,
    abi: accessRegistryAbi,
    functionName: 'writeScope',
    args: [patient, writer],
  });
}

/** Whether a write scope (a category bit set) covers `category`. */
export function scopeCovers(scope: number, category: number): boolean {
  return category >= 0 && category < 32 && ((scope >>> category) & 1) === 1;
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
