'use client';

import { lightTheme, RainbowKitProvider } from '@rainbow-me/rainbowkit';
import '@rainbow-me/rainbowkit/styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { WagmiProvider } from 'wagmi';
import { VaultProvider } from './vault/VaultProvider';
import { SiweAuthentication } from './wallet/SiweAuthentication';
import { wagmiConfig } from './wallet/wagmiConfig';

// RainbowKit's defaults fail WCAG AA contrast for white text on its blue and red; darken them.
const baseTheme = lightTheme({ accentColor: '#1e40af', borderRadius: 'medium' });
const theme = {
  ...baseTheme,
  colors: { ...baseTheme.colors, error: '#b91c1c', connectButtonBackgroundError: '#b91c1c' },
};

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; created in state so server renders never share it.
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 10_000 } },
      }),
  );
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <VaultProvider>
          <SiweAuthentication>
            <RainbowKitProvider appInfo={{ appName: 'OwnChart' }} modalSize="compact" theme={theme}>
              {children}
            </RainbowKitProvider>
          </SiweAuthentication>
        </VaultProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
