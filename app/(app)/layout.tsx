import type { ReactNode } from 'react';
import { IndexerNotice } from '@/components/chain/IndexerNotice';
import { Providers } from '@/components/Providers';
import { SiteHeader } from '@/components/SiteHeader';
import { WalkthroughBar } from '@/components/walkthrough/WalkthroughBar';

/** Every page that works with a wallet: the providers, the live header and the walkthrough bar. */
export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Providers>
      <SiteHeader />
      <WalkthroughBar />
      <main id="main" className="mx-auto max-w-5xl space-y-6 p-4">
        <IndexerNotice />
        {children}
      </main>
    </Providers>
  );
}
