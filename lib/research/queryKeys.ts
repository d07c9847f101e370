import type { Address, Hash } from 'viem';

/** The one key factory for research reads. */
export const researchKeys = {
  all: (chainId: number) => ['research', chainId] as const,
  studies: (chainId: number, account: Address | undefined) =>
    ['research', chainId, 'studies', account ?? null] as const,
  contributions: (chainId: number, studyId: bigint) => ['research', chainId, 'contributions', String(studyId)] as const,
  contribution: (chainId: number, contentHash: Hash) => ['research', chainId, 'contribution', contentHash] as const,
  token: (chainId: number, token: Address) => ['research', chainId, 'token', token] as const,
  balance: (chainId: number, token: Address, account: Address) =>
    ['research', chainId, 'balance', token, account] as const,
  allowance: (chainId: number, token: Address, owner: Address) =>
    ['research', chainId, 'allowance', token, owner] as const,
  earnings: (chainId: number, patient: Address) => ['research', chainId, 'earnings', patient] as const,
  document: (hash: string) => ['research', 'document', hash] as const,
};
