'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { WagmiProvider } from 'wagmi';
import { VaultProvider } from './vault/VaultProvider';
import { SignInSession } from './wallet/SignInSession';
import { createWagmiConfig } from './wallet/wagmiConfig';
import { WalletUi } from './wallet/WalletUi';

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser session; created in state so server renders never share it.
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 10_000 } },
      }),
  );
  const [wagmiConfig] = useState(createWagmiConfig);
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <VaultProvider>
          <SignInSession>
            <WalletUi>{children}</WalletUi>
          </SignInSession>
        </VaultProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
