import type { Address } from 'viem';

/** The one key factory for research reads. */
export const researchKeys = {
  all: (chainId: number) => ['research', chainId] as const,
  studies: (chainId: number, account: Address | undefined) =>
    ['research', chainId, 'studies', account ?? null] as const,
  contributions: (chainId: number, studyId: bigint) => ['research', chainId, 'contributions', String(studyId)] as const,
  token: (chainId: number, token: Address) => ['research', chainId, 'token', token] as const,
  balance: (chainId: number, token: Address, account: Address) =>
    ['research', chainId, 'balance', token, account] as const,
  document: (hash: string) => ['research', 'document', hash] as const,
};
