'use client';

import { Providers } from './Providers';
import { SiteHeader } from './SiteHeader';
import { WalkthroughBar } from './walkthrough/WalkthroughBar';

/** The header and walkthrough bar with their own providers: for a page outside the app's layout. */
export function LiveSiteHeader() {
  return (
    <Providers>
      <SiteHeader />
      <WalkthroughBar />
    </Providers>
  );
}
