import { findChromium } from '../../scripts/lib/findChromium';

/** Debian's Chromium, started so that it makes no request of its own to the internet. */
export const chromiumLaunchOptions = {
  executablePath: findChromium() ?? undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
