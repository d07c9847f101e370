import { test, expect, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { demoAccount, type DemoAccount } from '../../lib/wallet/demoAccounts';
import { connectDemoAccount, watchForFaults } from '../support/demoSession';
import { expectAccessible } from '../support/fixtures';
import { unlock } from '../support/vault';

/**
 * The README's screenshots, taken from the running demo so they stay true. Each page must load
 * without an uncaught error, a server error or a request to the internet, show its seeded content
 * and pass axe; otherwise this fails. `npm run screenshots` writes them to docs/screenshots.
 */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

const patient = demoAccount('Patient');
const okafor = demoAccount('Clinician', 0);

type Shot = {
  file: string;
  path: string;
  account: DemoAccount | null;
  unlock?: boolean;
  /** Also taken on a 390 × 844 phone screen, as `<file>-phone.png`. */
  phone?: boolean;
  /** Seeded content that shows the page has really loaded. */
  ready: (page: Page) => Locator;
  /** A part of the page to shoot instead of the first screen of it. */
  capture?: (page: Page) => Locator;
};

const SHOTS: Shot[] = [
  {
    file: 'home',
    path: '/',
    account: null,
    phone: true,
    ready: (page) => page.getByRole('heading', { name: 'What is public' }),
  },
  {
    file: 'walkthrough',
    path: '/walkthrough',
    account: null,
    ready: (page) => page.getByRole('heading', { name: 'Step 8: See who read what' }),
  },
  {
    file: 'access',
    path: '/access',
    account: patient,
    phone: true,
    ready: (page) =>
      page
        .getByRole('region', { name: 'Access history' })
        .getByText(/revoked/i)
        .first(),
  },
  {
    file: 'records',
    path: '/records',
    account: patient,
    unlock: true,
    phone: true,
    ready: (page) => page.getByText('264 records, each checked'),
  },
  {
    file: 'records-timeline',
    path: '/records',
    account: patient,
    unlock: true,
    ready: (page) => page.getByRole('region', { name: 'Timeline' }).getByRole('heading', { level: 3 }).first(),
    capture: (page) => page.getByRole('region', { name: 'Timeline' }),
  },
  {
    file: 'clinician-chart',
    path: `/patients/${patient.address}`,
    account: okafor,
    unlock: true,
    phone: true,
    ready: (page) => page.getByText(/Outside your access|Not shared with you/).first(),
  },
  {
    file: 'disclosures',
    path: '/disclosures',
    account: patient,
    unlock: true,
    ready: (page) => page.getByRole('main').getByText(okafor.name).first(),
  },
  {
    file: 'studies',
    path: '/studies',
    account: patient,
    unlock: true,
    ready: (page) => page.getByRole('button', { name: 'Claim 25 oUSD' }),
  },
  {
    file: 'research',
    path: '/research',
    account: demoAccount('Researcher'),
    unlock: true,
    ready: (page) => page.getByRole('article', { name: 'Vaccination and seasonal illness' }),
  },
  {
    file: 'emergency',
    path: '/emergency',
    account: patient,
    ready: (page) =>
      page
        .getByRole('main')
        .getByText(/24 hours/)
        .first(),
  },
  {
    file: 'caring',
    path: '/caring',
    account: demoAccount('Caregiver'),
    ready: (page) => page.getByRole('main').getByText(patient.name).first(),
  },
];

const SCREENS = [
  { suffix: '', on: 'a laptop', viewport: { width: 1280, height: 1000 } },
  { suffix: '-phone', on: 'a phone', viewport: { width: 390, height: 844 } },
] as const;

for (const [shot, screen] of SHOTS.flatMap((s) =>
  (s.phone ? SCREENS : SCREENS.slice(0, 1)).map((on) => [s, on] as const),
)) {
  const who = shot.account ? `${shot.account.role} ${shot.account.name}` : 'a visitor';
  test(`${shot.file}: ${shot.path} as ${who} on ${screen.on}`, async ({ page }) => {
    const faults = watchForFaults(page);
    await page.setViewportSize(screen.viewport);
    await page.goto(shot.path);
    if (shot.account) await connectDemoAccount(page, shot.account);
    if (shot.unlock) await unlock(page);
    await expect(shot.ready(page)).toBeVisible();
    await expectAccessible(page);
    const file = path.join(SCREENSHOT_DIR, `${shot.file}${screen.suffix}.png`);
    if (shot.capture) await shot.capture(page).screenshot({ path: file });
    else await page.screenshot({ path: file });
    expect(faults).toEqual([]);
  });
}
