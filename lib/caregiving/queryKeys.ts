import type { Address } from 'viem';

/** The one key factory for caregiving reads. */
export const caregivingKeys = {
  caregivers: (chainId: number, patient: Address) => ['caregiving', chainId, 'caregivers', patient] as const,
  caredFor: (chainId: number, caregiver: Address) => ['caregiving', chainId, 'cared-for', caregiver] as const,
};
