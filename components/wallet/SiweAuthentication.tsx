'use client';

import {
  createAuthenticationAdapter,
  RainbowKitAuthenticationProvider,
  type AuthenticationStatus,
} from '@rainbow-me/rainbowkit';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useAccount } from 'wagmi';
import { useVault } from '@/components/vault/VaultProvider';
import { authKeys } from '@/lib/auth/queryKeys';
import { currentSession, fetchNonce, signInMessage, signOut, verifySignIn } from '@/lib/auth/siweClient';

/**
 * Sign-In with Ethereum through RainbowKit's authentication adapter: after connecting, the wallet
 * modal asks for one signed message, exchanged for the server's session cookie. Disconnecting or
 * switching account signs out and forgets any unlocked keys.
 */
export function SiweAuthentication({ children }: { children: ReactNode }) {
  const { address } = useAccount();
  const queryClient = useQueryClient();
  const { forgetAll } = useVault();
  const session = useQuery({ queryKey: authKeys.session, queryFn: currentSession, retry: false });

  const status: AuthenticationStatus = session.isPending
    ? 'loading'
    : address && session.data === address
      ? 'authenticated'
      : 'unauthenticated';

  const adapter = useMemo(
    () =>
      createAuthenticationAdapter({
        getNonce: fetchNonce,
        createMessage: ({ nonce, address: account, chainId }) => signInMessage({ address: account, chainId, nonce }),
        verify: async ({ message, signature }) => {
          try {
            await verifySignIn(message, signature as `0x${string}`);
            return true;
          } catch {
            return false;
          } finally {
            await queryClient.invalidateQueries({ queryKey: authKeys.session });
          }
        },
        signOut: async () => {
          forgetAll();
          await signOut().catch(() => undefined);
          queryClient.setQueryData(authKeys.session, null);
        },
      }),
    [forgetAll, queryClient],
  );

  return (
    <RainbowKitAuthenticationProvider adapter={adapter} status={status}>
      {children}
    </RainbowKitAuthenticationProvider>
  );
}
