'use client';

import { ConnectButton } from '@rainbow-me/rainbowkit';
import Link from 'next/link';

const PATIENT_LINKS = [
  { href: '/records', label: 'My records' },
  { href: '/access', label: 'My records access' },
  { href: '/disclosures', label: 'Who read my records' },
  { href: '/studies', label: 'Research studies' },
  { href: '/emergency', label: 'Emergency access' },
  { href: '/caring', label: 'Caregiving' },
] as const;

const PROFESSIONAL_LINKS = [
  { href: '/patients', label: 'My patients' },
  { href: '/research', label: 'Research console' },
  { href: '/emergency/respond', label: 'Emergency responder' },
] as const;

/** Site name, main navigation (for patients, then for professionals) and the wallet button. */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-start justify-between gap-4 p-4">
        <Link href="/" className="text-2xl font-bold text-slate-900 no-underline">
          OwnChart
        </Link>
        <nav aria-label="Main" className="space-y-1 text-sm sm:text-base">
          <ul aria-label="For patients" className="flex flex-wrap gap-x-4 gap-y-1">
            {PATIENT_LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
          </ul>
          <ul aria-label="For clinicians and researchers" className="flex flex-wrap gap-x-4 gap-y-1">
            {PROFESSIONAL_LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <ConnectButton showBalance={false} accountStatus="address" chainStatus="icon" />
      </div>
    </header>
  );
}
