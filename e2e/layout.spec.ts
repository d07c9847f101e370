import type { Page } from '@playwright/test';
import { demoAccount } from '../lib/wallet/demoAccounts';
import { connect, expect, expectAccessible, installWallet, test } from './support/fixtures';
import { seedSmallChart } from './support/seedChart';
import { unlock } from './support/vault';

const patient = demoAccount('Patient');
const clinician = demoAccount('Clinician', 0);

const SCREENS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 900 },
] as const;

/** Patient pages, by the link that reaches each from the menu, and the heading it opens on. */
const PATIENT_PAGES = [
  ['My records access', 'My records access'],
  ['Who read my records', 'Who read my records'],
  ['Research studies', 'Research studies'],
  ['Emergency access', 'Emergency access'],
  ['Caregiving', 'Caregiving'],
] as const;

/** The page is no wider than the screen: nothing to scroll sideways to. */
async function expectNoSideScroll(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${where} is ${overflow} px wider than the screen`).toBeLessThanOrEqual(0);
}

/** Follows a link in the main navigation, opening the menu first where the screen folds it. */
async function navigate(page: Page, link: string) {
  const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) {
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
}

for (const screen of SCREENS) {
  test(`every page fits a ${screen.name} (${screen.width} px) with nothing to scroll sideways, and passes axe`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await seedSmallChart(patient.privateKey, clinician.privateKey);
    await page.setViewportSize(screen);
    await page.goto('/');
    await expectNoSideScroll(page, 'The home page');
    await expectAccessible(page);

    // The patient's chart at its fullest: summary, trends, timeline, every record.
    await installWallet(page, patient.privateKey);
    await connect(page, '/records');
    await unlock(page);
    await expect(page.getByRole('region', { name: 'Trends' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(patient.name);
    await expectNoSideScroll(page, 'My records');
    await expectAccessible(page);
    for (const [link, heading] of PATIENT_PAGES) {
      await navigate(page, link);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expectNoSideScroll(page, link);
      await expectAccessible(page);
    }
    await page.goto('/records/import');
    await expectNoSideScroll(page, 'Import records');
    await expectAccessible(page);

    // A clinician sees the clinician's pages, and can switch to the other roles' pages.
    const context = await browser.newContext({ viewport: screen });
    const doctor = await context.newPage();
    await installWallet(doctor, clinician.privateKey);
    await connect(doctor, '/patients');
    const nav = doctor.getByRole('navigation', { name: 'Main' });
    const menu = doctor.getByRole('banner').getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) await menu.click();
    await expect(nav.getByRole('link')).toHaveText(['My patients']);
    await expect(doctor.getByRole('heading', { level: 1, name: 'Patients who gave me access' })).toBeVisible();
    await expectNoSideScroll(doctor, 'My patients');
    await expectAccessible(doctor);
    await doctor.goto(`/patients/${patient.address}`);
    await expectNoSideScroll(doctor, 'A patient’s chart');
    await expectAccessible(doctor);
    for (const [role, heading] of [
      ['Researcher', 'Research console'],
      ['Emergency responder', 'Emergency responder'],
    ] as const) {
      if (await menu.isVisible()) await menu.click();
      await nav.getByLabel('Using OwnChart as').selectOption({ label: role });
      await expect(doctor.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoSideScroll(doctor, heading);
      await expectAccessible(doctor);
    }
    await context.close();
  });
}
