import type { Address } from 'viem';

/** The one key factory for records-vault reads. */
export const vaultKeys = {
  all: (chainId: number) => ['vault', chainId] as const,
  /** Every reader's view of one patient's records (a write by anyone makes them all stale). */
  patientRecords: (chainId: number, patient: Address) => ['vault', chainId, 'records', patient] as const,
  records: (chainId: number, patient: Address, reader: Address) =>
    ['vault', chainId, 'records', patient, reader] as const,
  keySync: (chainId: number, patient: Address) => ['vault', chainId, 'key-sync', patient] as const,
  registeredKey: (chainId: number, account: Address) => ['vault', chainId, 'registered-key', account] as const,
};
