import type { Address } from 'viem';

/** The one key factory for emergency-access reads. */
export const emergencyKeys = {
  all: (chainId: number) => ['emergency', chainId] as const,
  policy: (chainId: number, patient: Address) => ['emergency', chainId, 'policy', patient] as const,
  responder: (chainId: number, account: Address) => ['emergency', chainId, 'responder', account] as const,
  reasons: (chainId: number, patient: Address) => ['emergency', chainId, 'reasons', patient] as const,
  blocked: (chainId: number, patient: Address) => ['emergency', chainId, 'blocked', patient] as const,
};
