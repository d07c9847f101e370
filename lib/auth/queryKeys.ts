/** Query keys for the Sign-In with Ethereum session. */
export const authKeys = {
  session: ['auth', 'session'] as const,
};
