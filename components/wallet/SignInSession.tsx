'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useAccount } from 'wagmi';
import { useVault } from '@/components/vault/VaultProvider';
import { mustSignOut } from '@/lib/auth/mustSignOut';
import { authKeys } from '@/lib/auth/queryKeys';
import { currentSession, signOut } from '@/lib/auth/siweClient';

/** Whether the connected account holds the server's Sign-In with Ethereum session. */
export type SignInStatus = 'loading' | 'unauthenticated' | 'authenticated';

const SignInContext = createContext<SignInStatus>('loading');

/**
 * The Sign-In with Ethereum session of the connected account. Disconnecting or switching account
 * signs out and forgets any unlocked keys, whether or not the wallet picker was ever opened.
 */
export function SignInSession({ children }: { children: ReactNode }) {
  const { address } = useAccount();
  const queryClient = useQueryClient();
  const { forgetAll } = useVault();
  const session = useQuery({ queryKey: authKeys.session, queryFn: currentSession, retry: false });
  const status: SignInStatus = session.isPending
    ? 'loading'
    : address && session.data === address
      ? 'authenticated'
      : 'unauthenticated';

  // Reads are never made under someone else's session (lib/auth/mustSignOut.ts says when).
  const previous = useRef(address);
  const held = session.data;
  useEffect(() => {
    const before = previous.current;
    previous.current = address;
    if (!mustSignOut({ before, now: address, session: held })) return;
    forgetAll();
    queryClient.setQueryData(authKeys.session, null);
    void signOut().catch(() => undefined);
  }, [address, held, forgetAll, queryClient]);

  return <SignInContext.Provider value={status}>{children}</SignInContext.Provider>;
}

export const useSignInStatus = (): SignInStatus => useContext(SignInContext);
