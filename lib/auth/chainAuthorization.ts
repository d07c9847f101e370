import type { Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { accessRegistryAbi } from '../../contracts-abi';

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
  client: ChainReader,
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
