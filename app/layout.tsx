import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/components/Providers';
import { SiteHeader } from '@/components/SiteHeader';
import { WalkthroughBar } from '@/components/walkthrough/WalkthroughBar';
import './globals.css';

// Every page carries its own CSP nonce (middleware.ts), so none can be prerendered once for all.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'OwnChart',
  description: 'Your health records, under your keys. You decide who can read them.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          Skip to main content
        </a>
        <Providers>
          <SiteHeader />
          <WalkthroughBar />
          <main id="main" className="mx-auto max-w-5xl space-y-6 p-4">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
