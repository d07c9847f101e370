/** Query keys for the Sign-In with Ethereum session. */
export const authKeys = {
  session: ['auth', 'session'] as const,
};

/** The one key factory for what a reader may read of a patient's records. */
export const readerAccessKeys = {
  /** Every reader's access to one patient (a policy change moves them all). */
  patient: (chainId: number, patient: `0x${string}`) => ['reader-access', chainId, patient] as const,
  of: (chainId: number, patient: `0x${string}`, reader: `0x${string}`) =>
    ['reader-access', chainId, patient, reader] as const,
};
