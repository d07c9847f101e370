'use client';

import dynamic from 'next/dynamic';
import { SiteHeaderFrame } from './SiteHeaderFrame';

/**
 * The landing page's header: drawn at once without wallet code, then replaced by the live header
 * (the same boxes, with the account and its wallet button) once wagmi has loaded. The landing is
 * read by people deciding whether to start; it needs no wallet to be read.
 */
export const LandingHeader = dynamic(() => import('./LiveSiteHeader').then((m) => m.LiveSiteHeader), {
  ssr: false,
  loading: () => <SiteHeaderFrame />,
});
