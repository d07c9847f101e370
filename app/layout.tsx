import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

// Every page carries its own CSP nonce (middleware.ts), so none can be prerendered once for all.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'OwnChart',
  description: 'Your health records, under your keys. You decide who can read them.',
  // Installable on a phone's home screen: public/manifest.webmanifest and the icons beside it
  // (drawn by scripts/renderIcons.ts).
  manifest: '/manifest.webmanifest',
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '32x32' },
      { url: '/icon-192.png', sizes: '192x192', type: 'image/png' },
    ],
    apple: '/apple-touch-icon.png',
  },
  appleWebApp: { capable: true, title: 'OwnChart' },
};

export const viewport: Viewport = { themeColor: '#1e40af', width: 'device-width', initialScale: 1 };

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
        {/* The header and <main> come from each page's layout: app/(app)/layout.tsx for the
            pages that use a wallet, the landing page's own for it. */}
        {children}
      </body>
    </html>
  );
}
