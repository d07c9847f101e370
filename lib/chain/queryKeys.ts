/** The one key factory for reads of the chain itself. */
export const chainKeys = {
  time: (chainId: number) => ['chain', chainId, 'time'] as const,
};
