'use client';

import { ConnectButton } from '@rainbow-me/rainbowkit';
import Link from 'next/link';

/** Site name, main navigation and the wallet button. */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 p-4">
        <Link href="/" className="text-2xl font-bold text-slate-900 no-underline">
          OwnChart
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-4">
            <li>
              <Link href="/records">My records</Link>
            </li>
            <li>
              <Link href="/access">My records access</Link>
            </li>
            <li>
              <Link href="/disclosures">Who read my records</Link>
            </li>
            <li>
              <Link href="/studies">Research studies</Link>
            </li>
            <li>
              <Link href="/patients">My patients</Link>
            </li>
            <li>
              <Link href="/research">Research console</Link>
            </li>
            <li>
              <Link href="/emergency">Emergency access</Link>
            </li>
            <li>
              <Link href="/emergency/respond">Emergency responder</Link>
            </li>
          </ul>
        </nav>
        <ConnectButton showBalance={false} accountStatus="address" chainStatus="icon" />
      </div>
    </header>
  );
}
