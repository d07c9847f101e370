import type { Page } from '@playwright/test';
import path from 'node:path';
import { demoAccount } from '../lib/wallet/demoAccounts';
import { saveBench } from './support/bench';
import { connect, expect, expectAccessible, installWallet, test } from './support/fixtures';
import { grantAndShareKeys, seedSmallChart } from './support/seedChart';
import { unlock } from './support/vault';

const patient = demoAccount('Patient');
const clinician = demoAccount('Clinician', 0);

const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 900 },
] as const;

/**
 * Patient pages, by the link that reaches each from the menu, the heading it opens on, and a
 * table row its lists must show before the width is measured (the widest content).
 */
const PATIENT_PAGES: readonly (readonly [string, string, RegExp | null])[] = [
  ['My records access', 'My records access', /Dr\. Sam Okafor.*Conditions, Labs and vitals/],
  ['Who read my records', 'Who read my records', /Dr\. Sam Okafor.*Your grant/],
  ['Research studies', 'Research studies', null],
  ['Emergency access', 'Emergency access', null],
  ['Caregiving', 'Caregiving', null],
];

/** The page is no wider than the screen: nothing to scroll sideways to. */
async function expectNoSideScroll(page: Page, where: string) {
  const { overflow, widest } = await page.evaluate(() => {
    // The innermost elements that reach past the right edge: what a failure should name.
    const past = [...document.querySelectorAll<HTMLElement>('body *')].filter(
      (element) =>
        element.getBoundingClientRect().right > window.innerWidth + 1 &&
        ![...element.children].some((child) => child.getBoundingClientRect().right > window.innerWidth + 1),
    );
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      widest: past.slice(0, 3).map((e) => `${e.nodeName}.${e.className} "${e.textContent?.slice(0, 50)}"`),
    };
  });
  expect(overflow, `${where} is ${overflow} px wider than the screen: ${widest.join('; ')}`).toBeLessThanOrEqual(0);
}

type Vitals = { page: string; lcpMs: number; cls: number };

/**
 * Largest contentful paint and cumulative layout shift of the document loaded last, as Chromium
 * reports them (buffered entries, so the page's own load is counted): LCP ≤ 2.5 s, CLS ≤ 0.1.
 */
async function expectGoodVitals(page: Page, where: string, measured: Vitals[]) {
  const vitals = await page.evaluate(
    () =>
      new Promise<{ lcp: number; cls: number; shifted: string[] }>((resolve) => {
        let lcp = 0;
        let cls = 0;
        const shifted: string[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) lcp = Math.max(lcp, entry.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        new PerformanceObserver((list) => {
          type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] };
          for (const entry of list.getEntries() as Shift[]) {
            if (entry.hadRecentInput) continue;
            cls += entry.value;
            // What moved, so a failure names it.
            for (const source of entry.sources) {
              const node = source.node as HTMLElement | undefined;
              shifted.push(
                `${entry.value.toFixed(3)} ${node?.nodeName ?? '?'} "${node?.textContent?.slice(0, 40) ?? ''}"`,
              );
            }
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve({ lcp, cls, shifted }), 200);
      }),
  );
  measured.push({ page: where, lcpMs: Math.round(vitals.lcp), cls: Number(vitals.cls.toFixed(3)) });
  expect(vitals.lcp, `LCP of ${where}`).toBeLessThanOrEqual(2500);
  expect(vitals.cls, `CLS of ${where}; moved: ${vitals.shifted.join('; ')}`).toBeLessThanOrEqual(0.1);
}

/** Opens the menu where the screen folds the navigation behind it; returns the navigation. */
async function openMenu(page: Page) {
  const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') {
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
  }
  return page.getByRole('navigation', { name: 'Main' });
}

for (const screen of SCREENS) {
  test(`every page fits a ${screen.name} (${screen.width} px) with nothing to scroll sideways, and passes axe`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const vitals: Vitals[] = [];
    // Every list at its longest: a grant, shared keys, and the clinician's reads in the log.
    await seedSmallChart(patient.privateKey, clinician.privateKey);
    await grantAndShareKeys(patient.privateKey, clinician.address, ['conditions', 'labs']);

    // A clinician sees the clinician's pages, and can switch to the other roles' pages.
    const context = await browser.newContext({ viewport: screen });
    const doctor = await context.newPage();
    await installWallet(doctor, clinician.privateKey);
    await connect(doctor, '/patients');
    await expect((await openMenu(doctor)).getByRole('link')).toHaveText(['My patients']);
    await expect(doctor.getByRole('heading', { level: 1, name: 'Patients who gave me access' })).toBeVisible();
    await expectGoodVitals(doctor, 'My patients', vitals);
    await expectNoSideScroll(doctor, 'My patients');
    await expectAccessible(doctor);
    await doctor.goto(`/patients/${patient.address}`);
    await unlock(doctor);
    await expect(doctor.getByRole('region', { name: 'Trends' })).toBeVisible();
    await expectNoSideScroll(doctor, 'A patient’s chart');
    await expectAccessible(doctor);
    for (const [role, heading] of [
      ['Researcher', 'Research console'],
      ['Emergency responder', 'Emergency responder'],
    ] as const) {
      const nav = await openMenu(doctor);
      await nav.getByLabel('Using OwnChart as').selectOption({ label: role });
      await nav.getByRole('button', { name: 'Switch' }).click();
      await expect(doctor.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoSideScroll(doctor, heading);
      await expectAccessible(doctor);
    }
    await context.close();

    await page.setViewportSize(screen);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectGoodVitals(page, 'Home', vitals);
    await expectNoSideScroll(page, 'The home page');
    await expectAccessible(page);

    // The patient's chart at its fullest: summary, trends, timeline, every record.
    await installWallet(page, patient.privateKey);
    await connect(page, '/records');
    await unlock(page);
    await expect(page.getByRole('region', { name: 'Trends' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(patient.name);
    await expectGoodVitals(page, 'My records', vitals);
    // The README's trends picture: the demo patient has no repeated labs, this one has.
    if (screen.name === 'laptop') {
      const trends = page.getByRole('region', { name: 'Trends' });
      await expect(trends.locator('canvas')).toHaveCount(8);
      await trends.screenshot({ path: path.join(SCREENSHOT_DIR, 'records-trends.png') });
    }
    await expectNoSideScroll(page, 'My records');
    await expectAccessible(page);
    for (const [link, heading, row] of PATIENT_PAGES) {
      await (await openMenu(page)).getByRole('link', { name: link, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      if (row) await expect(page.getByRole('main').getByRole('row').filter({ hasText: row }).first()).toBeVisible();
      await expect((await openMenu(page)).getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
      await expectNoSideScroll(page, link);
      await expectAccessible(page);
    }
    await page.goto('/records/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import records' })).toBeVisible();
    await expectGoodVitals(page, 'Import records', vitals);
    await expectNoSideScroll(page, 'Import records');
    await expectAccessible(page);
    saveBench(`vitals-${screen.name}`, {
      pages: vitals.map((v) => `${v.page}: LCP ${v.lcpMs} ms, CLS ${v.cls}`),
      worstLcpMs: Math.max(...vitals.map((v) => v.lcpMs)),
      worstCls: Math.max(...vitals.map((v) => v.cls)),
    });
  });
}
