import type { Address } from 'viem';

/** Query keys of the accounting of disclosures, shared by every view of it. */
export const disclosureKeys = { patient: (patient: Address) => ['disclosures', patient.toLowerCase()] as const };
