import type { Page } from '@playwright/test';
import { accessRegistryAbi, deployments } from '../contracts-abi';
import { demoAccount } from '../lib/wallet/demoAccounts';
import { saveBench } from './support/bench';
import { openWalletPicker } from './support/openWalletPicker';
import { E2E_RPC_URL } from './support/env';
import { connect, expect, expectAccessible, installWallet, publicClient, test, testClient } from './support/fixtures';

const patient = demoAccount('Patient');
const clinician = demoAccount('Clinician', 0);
const registry = deployments['31337']!.AccessRegistry;

async function chainNow(): Promise<number> {
  return Number((await publicClient.getBlock()).timestamp);
}

function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function whoCanRead(page: Page) {
  return page.getByRole('region', { name: 'Who can read my records' });
}

async function fillGrant(page: Page, grantee: string, categories: string[], expiresOn?: string) {
  const form = page.getByRole('region', { name: 'Grant access' });
  await form.getByLabel('Clinician address').fill(grantee);
  for (const category of categories) await form.getByRole('checkbox', { name: category, exact: true }).check();
  if (expiresOn) await form.getByLabel('Expires on').fill(expiresOn);
  return form;
}

test('patient grants, changes and revokes access; clinician view and history follow', async ({ page, browser }) => {
  await installWallet(page, patient.privateKey);
  await connect(page, '/access');
  await expect(whoCanRead(page).getByText('Nobody else can read your records')).toBeVisible();
  await expectAccessible(page);

  const expiresOn = isoDate((await chainNow()) + 30 * 86_400);
  const form = await fillGrant(page, clinician.address, ['Conditions', 'Allergies'], expiresOn);
  const clicked = Date.now();
  await form.getByRole('button', { name: 'Grant access' }).click();
  const row = whoCanRead(page).getByRole('row', { name: new RegExp(clinician.address.slice(0, 6)) });
  await expect(row).toContainText('Conditions, Allergies');
  const grantToListMs = Date.now() - clicked;
  await expect(row).toContainText('Read');
  await expect(row).toContainText('Active');
  await expect(row).toContainText(
    new Date(`${expiresOn}T12:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }),
  );
  await expect(row).not.toContainText('UTC'); // a date-picked expiry reads as the last day
  await expect(form.getByRole('status')).toContainText('Confirmed');

  // The clinician, in their own browser context, sees the patient.
  const clinicianContext = await browser.newContext();
  const clinicianPage = await clinicianContext.newPage();
  await installWallet(clinicianPage, clinician.privateKey);
  await connect(clinicianPage, '/patients');
  // A new grant waits for the clinician: nobody is slipped into their list unasked.
  const requests = clinicianPage.getByRole('region', { name: 'New patients sharing records with you' });
  await expect(requests).toContainText('Conditions, Allergies');
  await expectAccessible(clinicianPage);
  await requests.getByRole('button', { name: `Accept patient ${patient.address}` }).click();
  const myPatients = clinicianPage.getByRole('region', { name: 'My patients' });
  await expect(myPatients).toContainText(patient.address.slice(0, 6));
  await expect(myPatients).toContainText('Conditions, Allergies');
  await expect(requests).toBeHidden();

  // Change: all records, read and add, no expiry.
  await form.getByLabel('Clinician address').fill(clinician.address);
  await form.getByRole('checkbox', { name: 'All records' }).check();
  await form.getByRole('radio', { name: 'Read and add records' }).check();
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expect(row).toContainText('All records');
  await expect(row).toContainText('Read and add records');
  await expect(row).toContainText('No expiry');

  await whoCanRead(page)
    .getByRole('button', { name: `Revoke ${clinician.address}` })
    .click();
  await expect(whoCanRead(page).getByText('Nobody else can read your records')).toBeVisible();
  expect(
    await publicClient.readContract({
      address: registry,
      abi: accessRegistryAbi,
      functionName: 'canRead',
      args: [patient.address, clinician.address, 0],
    }),
  ).toBe(false);

  await clinicianPage.reload();
  await expect(clinicianPage.getByRole('region', { name: 'My patients' })).toContainText(
    'No patient has given you access',
  );

  const history = page.getByRole('region', { name: 'Access history' }).getByRole('listitem');
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText('Access revoked');
  await expect(history.nth(1)).toContainText('Access changed');
  await expect(history.nth(2)).toContainText('Access granted');
  await expect(history.nth(2)).toContainText('Transaction 0x');
  await expectAccessible(page);
  await clinicianContext.close();

  saveBench('grant', { grantClickToListMs: grantToListMs });
});

test('dashboard loads with few RPC requests', async ({ page }) => {
  // One existing grant, so the list has something to read.
  await installWallet(page, patient.privateKey);
  await connect(page, '/access');
  const form = await fillGrant(page, clinician.address, ['Medications']);
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expect(whoCanRead(page).getByRole('row')).toHaveCount(2);

  const rpcRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(E2E_RPC_URL)) rpcRequests.push(request.postData() ?? '');
  });
  await page.reload();
  await expect(whoCanRead(page).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Access history' }).getByRole('listitem')).toHaveCount(1);
  const methods = rpcRequests.flatMap((body) => {
    const parsed = JSON.parse(body) as { method: string } | { method: string }[];
    return (Array.isArray(parsed) ? parsed : [parsed]).map((r) => r.method);
  });
  saveBench('rpc', { dashboardRpcRequests: rpcRequests.length, dashboardRpcCalls: methods });
  expect(rpcRequests.length).toBeLessThanOrEqual(8);
});

test('a declined signature changes nothing and says so calmly', async ({ page }) => {
  await installWallet(page, patient.privateKey);
  await connect(page, '/access');
  const form = await fillGrant(page, clinician.address, ['Conditions']);
  await page.evaluate(() => window.__e2eWallet!.rejectNext());
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expect(form.getByRole('status')).toHaveText('You declined in your wallet. Nothing was changed.');
  await expect(whoCanRead(page).getByText('Nobody else can read your records')).toBeVisible();
  expect(
    await publicClient.readContract({
      address: registry,
      abi: accessRegistryAbi,
      functionName: 'granteeCount',
      args: [patient.address],
    }),
  ).toBe(0n);
});

test('bad input is refused before the wallet is asked', async ({ page }) => {
  await installWallet(page, patient.privateKey);
  await connect(page, '/access');
  // Signing in on connect was a wallet request; nothing after it may be.
  const askedBefore = await page.evaluate(() => window.__e2eWallet!.requests.length);
  const form = await fillGrant(page, '0x1234', ['Conditions']);
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expect(form.getByText('Enter a valid address')).toBeVisible();
  await expect(form.getByLabel('Clinician address')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Clinician address').fill(patient.address);
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expect(form.getByText('That is your own address')).toBeVisible();

  await form.getByLabel('Clinician address').fill(clinician.address);
  await form.getByRole('checkbox', { name: 'Conditions', exact: true }).uncheck();
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expect(form.getByText('Choose at least one category')).toBeVisible();
  expect(await page.evaluate(() => window.__e2eWallet!.requests.length)).toBe(askedBefore);
  // What was typed is kept.
  await expect(form.getByLabel('Clinician address')).toHaveValue(clinician.address);
});

test('a wallet on the wrong network is offered a switch', async ({ page }) => {
  await installWallet(page, patient.privateKey);
  await connect(page, '/access');
  await expect(page.getByRole('heading', { name: 'Who can read my records' })).toBeVisible();
  // The user moves their wallet to Ethereum mainnet in the wallet's own UI.
  await page.evaluate(() => window.__e2eWallet!.changeNetwork(1));
  await expect(page.getByRole('heading', { name: 'Wrong network' })).toBeVisible();
  // The header says so too, and offers the same switch.
  await expect(page.getByRole('banner').getByRole('button', { name: /^Wrong network: switch to/ })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole('heading', { name: 'Who can read my records' })).toBeHidden();
  await page.getByRole('button', { name: 'Switch network' }).click();
  await expect(page.getByRole('heading', { name: 'Who can read my records' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Wrong network' })).toBeHidden();
});

test('an expired grant is shown as expired and no longer reads', async ({ page, browser }) => {
  await installWallet(page, patient.privateKey);
  await connect(page, '/access');
  const expiresOn = isoDate((await chainNow()) + 86_400);
  const form = await fillGrant(page, clinician.address, ['Labs and vitals'], expiresOn);
  await form.getByRole('button', { name: 'Grant access' }).click();
  const row = whoCanRead(page).getByRole('row', { name: new RegExp(clinician.address.slice(0, 6)) });
  await expect(row).toContainText('Active');

  await testClient.increaseTime({ seconds: 3 * 86_400 });
  await testClient.mine({ blocks: 1 });
  await page.reload();
  await expect(row).toContainText('Expired');
  expect(
    await publicClient.readContract({
      address: registry,
      abi: accessRegistryAbi,
      functionName: 'canRead',
      args: [patient.address, clinician.address, 4],
    }),
  ).toBe(false);

  const clinicianContext = await browser.newContext();
  const clinicianPage = await clinicianContext.newPage();
  await installWallet(clinicianPage, clinician.privateKey);
  await connect(clinicianPage, '/patients');
  await expect(clinicianPage.getByRole('region', { name: 'My patients' })).toContainText(
    'No patient has given you access',
  );
  await clinicianContext.close();
});

test('an unreachable node shows an error with retry, then recovers', async ({ page }) => {
  await installWallet(page, patient.privateKey);
  await connect(page, '/access');
  await expect(whoCanRead(page).getByText('Nobody else can read your records')).toBeVisible();

  await page.route(`${E2E_RPC_URL}/**`, (route) => route.abort('connectionrefused'));
  await page.route(E2E_RPC_URL, (route) => route.abort('connectionrefused'));
  await page.reload();
  const alert = whoCanRead(page).getByRole('alert');
  await expect(alert).toContainText('Could not load who can read your records');
  await expect(alert).toContainText('cannot be reached');
  // Fail closed: no panel says "none" about what it could not read.
  const caregivers = page.getByRole('region', { name: 'Caregivers' });
  await expect(caregivers.getByRole('alert')).toContainText('Could not load your caregivers');
  await expect(caregivers.getByText('You have no caregiver.')).toHaveCount(0);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Could not load whether anyone has opened emergency access' }),
  ).toBeVisible();

  await page.unroute(`${E2E_RPC_URL}/**`);
  await page.unroute(E2E_RPC_URL);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(whoCanRead(page).getByText('Nobody else can read your records')).toBeVisible();
});

test('from the home page into the app and back, the header stays connected and each wallet is listed once', async ({
  page,
}) => {
  await installWallet(page, patient.privateKey);
  await connect(page, '/access');
  const account = page.getByRole('banner').getByRole('button', { name: new RegExp(patient.address.slice(-4)) });
  await expect(account).toBeVisible();
  await page.getByRole('link', { name: 'OwnChart', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your health records, under your keys');
  // The home page's header arrives after its text, connected to the same account.
  await expect(account).toBeVisible();
  await page.getByRole('link', { name: 'Open my records' }).click();
  await expect(page).toHaveURL('/records');
  await expect(account).toBeVisible();
  await account.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
  const picker = await openWalletPicker(page, page.getByRole('main').getByRole('button', { name: 'Connect wallet' }));
  await expect(picker.getByRole('button', { name: /E2E Wallet/ })).toHaveCount(1);
});

test('home page is accessible and explains what is public', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your health records, under your keys');
  for (const heading of ['What OwnChart does', 'What stays private', 'What is public', 'When you take access back']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByText('Your name, your records and any health details are never put there.')).toBeVisible();
  await expect(page.getByText('What they read before, they may have kept')).toBeVisible();
  await expectAccessible(page);
});

test('OwnChart can be added to a phone’s home screen: favicon, icons and manifest are served', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto('/');
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifestHref).toBe('/manifest.webmanifest');
  const manifest = await (await page.request.get(manifestHref!)).json();
  expect(manifest).toMatchObject({ name: 'OwnChart', display: 'standalone', start_url: '/records' });
  for (const icon of manifest.icons as { src: string; sizes: string }[]) {
    const response = await page.request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
  }
  expect((await page.request.get('/favicon.ico')).status()).toBe(200);
  expect((await page.request.get('/apple-touch-icon.png')).status()).toBe(200);
  expect(missing).toEqual([]);
});
