import { test, expect, type Page } from '@playwright/test';
import { demoAccount } from '../../lib/wallet/demoAccounts';
import { WALKTHROUGH } from '../../lib/walkthrough/steps';
import { saveBench } from '../support/bench';
import { connectDemoAccount, switchDemoAccount, watchForFaults } from '../support/demoSession';
import { expectAccessible } from '../support/fixtures';
import { unlock } from '../support/vault';

const patient = demoAccount('Patient');
const okafor = demoAccount('Clinician', 0);
const nair = demoAccount('Clinician', 1);

/** The walkthrough bar at the top of every page while the walkthrough runs. */
const bar = (page: Page) => page.getByRole('complementary', { name: /^Walkthrough, step/ });

/** Follows the bar's "Next step" button and checks it led to step `n`'s page. */
async function nextStep(page: Page, n: number) {
  await bar(page)
    .getByRole('button', { name: `Next step: ${WALKTHROUGH[n - 1]!.title}` })
    .click();
  await expect(bar(page).getByRole('heading')).toHaveText(
    `Walkthrough, step ${n} of ${WALKTHROUGH.length}: ${WALKTHROUGH[n - 1]!.title}`,
  );
  await expect(page).toHaveURL(WALKTHROUGH[n - 1]!.href);
}

test('a presenter follows the guided walkthrough through the seeded demo', async ({ page }) => {
  const faults = watchForFaults(page);
  const started = Date.now();
  await page.goto('/');
  await page.getByRole('link', { name: 'Take the guided walkthrough' }).click();
  await page.getByRole('button', { name: 'Start the walkthrough: My records access' }).click();

  // 1. Who can read: the seeded month of access, as the patient sees it.
  await expect(bar(page).getByRole('heading')).toHaveText(/step 1 of 8: See who can read your records/);
  await connectDemoAccount(page, patient);
  const whoCanRead = page.getByRole('region', { name: 'Who can read my records' });
  await expect(whoCanRead.getByRole('row', { name: new RegExp(okafor.name) })).toContainText('Active');
  await expect(whoCanRead.getByRole('row', { name: new RegExp(okafor.name) })).toContainText('Documents');
  await expect(whoCanRead.getByRole('row', { name: new RegExp(nair.name) })).toContainText('Expired');
  const history = page.getByRole('region', { name: 'Access history' });
  for (const event of ['Access revoked', 'Emergency access opened', 'Emergency access ended', 'Caregiver appointed']) {
    await expect(history.getByText(event).first()).toBeVisible();
  }
  await expectAccessible(page);

  // 2. Grant Dr. Nair the labs again, and share their keys.
  await nextStep(page, 2);
  const form = page.getByRole('region', { name: 'Grant access' });
  await form.getByLabel('Clinician address').fill(nair.address);
  await form.getByRole('checkbox', { name: 'Labs and vitals', exact: true }).check();
  const clicked = Date.now();
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expect(whoCanRead.getByRole('row', { name: new RegExp(nair.name) })).toContainText('Active');
  const grantMs = Date.now() - clicked;
  await unlock(page, page.getByRole('region', { name: 'Unlock records' }));
  await expect(page.getByText(/Record keys are shared with everyone you have granted/)).toBeVisible();

  // 3. Dr. Nair reads exactly what was granted.
  await nextStep(page, 3);
  const wrongAccount = bar(page).getByRole('status');
  await expect(wrongAccount).toContainText(
    `You are connected as Patient — ${patient.name}; this step is done as Clinician — ${nair.name}.`,
  );
  await switchDemoAccount(page, patient, nair);
  await expect(wrongAccount).toBeHidden();
  await unlock(page);
  await expect(
    page.getByRole('region', { name: 'Recent labs and vitals' }).getByRole('listitem').first(),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Active conditions' })).toContainText(
    'Outside your access: Conditions was not shared with you.',
  );

  // 4. The patient revokes.
  await nextStep(page, 4);
  await switchDemoAccount(page, nair, patient);
  await whoCanRead.getByRole('button', { name: `Revoke ${nair.address}` }).click();
  await expect(whoCanRead.getByRole('row', { name: new RegExp(nair.name) })).toBeHidden();

  // 5. Dr. Nair has lost access.
  await nextStep(page, 5);
  await switchDemoAccount(page, patient, nair);
  await expect(page.getByRole('heading', { name: 'No access to this chart' })).toBeVisible();

  // 6. The patient joins the open study and contributes a de-identified extract.
  await nextStep(page, 6);
  await switchDemoAccount(page, nair, patient);
  await unlock(page);
  const vaccines = page.getByRole('article', { name: 'Vaccination and seasonal illness' });
  await vaccines.getByText('Read the consent document and join').click();
  await expect(vaccines.getByRole('region', { name: 'Consent document' })).toContainText('I agree that');
  await vaccines.getByRole('button', { name: 'I consent: join study' }).click();
  await vaccines.getByRole('button', { name: 'Contribute de-identified data' }).click();
  await expect(vaccines.getByText('Contributed, awaiting the researcher’s review')).toBeVisible();

  // 7. The reward from the closed heart-failure study is still his to claim.
  await nextStep(page, 7);
  const heart = page.getByRole('article', { name: 'Heart failure and everyday activity' });
  await heart.getByRole('button', { name: 'Claim 25 oUSD' }).click();
  await expect(heart.getByText('25 oUSD claimed')).toBeVisible();

  // 8. Who read what: the seeded reads and Dr. Nair's from step 3.
  // Still unlocked from step 6: the keys stay in memory while he moves between pages.
  await nextStep(page, 8);
  const readers = page.getByRole('region', { name: 'Who read, in short' }).getByRole('listitem');
  // Most recent first: Dr. Nair's read in step 3, then the seeded reads.
  await expect(readers).toHaveCount(3);
  await expect(readers.nth(0)).toContainText(nair.name);
  await expect(readers.nth(0)).toContainText('Labs and vitals');
  // The screenshots may have opened his chart again: count-free.
  await expect(readers.filter({ hasText: okafor.name })).toContainText(/\d+ records and \d+ keys from Conditions/);
  await expect(readers.filter({ hasText: demoAccount('Caregiver').name })).toContainText('basis: Caregiver');
  await expectAccessible(page);
  await bar(page).getByRole('link', { name: 'Finish the walkthrough' }).click();
  await expect(bar(page)).toBeHidden();
  expect(faults).toEqual([]);
  saveBench('walkthrough', {
    walkthroughGrantClickToListMs: grantMs,
    walkthroughSeconds: Math.round((Date.now() - started) / 100) / 10,
  });
});
