import type { Address } from 'viem';

/**
 * The one key factory for access reads. Invalidate through it after a receipt, never with a
 * hand-written literal.
 */
export const accessKeys = {
  all: (chainId: number) => ['access', chainId] as const,
  grantees: (chainId: number, patient: Address) => ['access', chainId, 'grantees', patient] as const,
  patients: (chainId: number, grantee: Address) => ['access', chainId, 'patients', grantee] as const,
  history: (chainId: number, patient: Address) => ['access', chainId, 'history', patient] as const,
};
