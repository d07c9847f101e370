'use client';

import {
  createAuthenticationAdapter,
  lightTheme,
  RainbowKitAuthenticationProvider,
  RainbowKitProvider,
  useAccountModal,
  useConnectModal,
} from '@rainbow-me/rainbowkit';
import '@rainbow-me/rainbowkit/styles.css';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { Hex } from 'viem';
import { authKeys } from '@/lib/auth/queryKeys';
import { fetchNonce, signInMessage, verifySignIn } from '@/lib/auth/siweClient';
import { useSignInStatus } from './SignInSession';
import type { WalletModal } from './WalletUi';

// RainbowKit's defaults fail WCAG AA contrast for white text on its blue and red; darken them.
const baseTheme = lightTheme({ accentColor: '#1e40af', borderRadius: 'medium' });
const theme = {
  ...baseTheme,
  colors: { ...baseTheme.colors, error: '#b91c1c', connectButtonBackgroundError: '#b91c1c' },
};

/**
 * RainbowKit's dialogs, with Sign-In with Ethereum as the picker's last step: after connecting it
 * asks for one signed message, exchanged for the server's session cookie. Loaded on demand by
 * WalletUi; renders no page content of its own.
 */
export function WalletModals({ request, onOpened }: { request: WalletModal | null; onOpened: () => void }) {
  const status = useSignInStatus();
  const queryClient = useQueryClient();
  const adapter = useMemo(
    () =>
      createAuthenticationAdapter({
        getNonce: fetchNonce,
        createMessage: ({ nonce, address, chainId }) => signInMessage({ address, chainId, nonce }),
        verify: async ({ message, signature }) => {
          try {
            await verifySignIn(message, signature as Hex);
            return true;
          } catch {
            return false;
          } finally {
            await queryClient.invalidateQueries({ queryKey: authKeys.session });
          }
        },
        // SignInSession signs out on disconnect and on a change of account, picker or not.
        signOut: async () => undefined,
      }),
    [queryClient],
  );
  return (
    <RainbowKitAuthenticationProvider adapter={adapter} status={status}>
      <RainbowKitProvider appInfo={{ appName: 'OwnChart' }} modalSize="compact" theme={theme}>
        <OpenRequested request={request} onOpened={onOpened} />
      </RainbowKitProvider>
    </RainbowKitAuthenticationProvider>
  );
}

function OpenRequested({ request, onOpened }: { request: WalletModal | null; onOpened: () => void }) {
  const { openConnectModal } = useConnectModal();
  const { openAccountModal } = useAccountModal();
  const open = request && { connect: openConnectModal, account: openAccountModal }[request];
  useEffect(() => {
    if (!open) return;
    // After this commit: RainbowKit's ModalProvider runs `if (isUnauthenticated) closeModals()` in
    // an effect of its own, after this child's, and would close a dialog opened here at once.
    // Until the wallet's state is known RainbowKit offers no opener; the request waits for it.
    const timer = setTimeout(() => {
      open();
      onOpened();
    }, 0);
    return () => clearTimeout(timer);
  }, [open, onOpened]);
  return null;
}
