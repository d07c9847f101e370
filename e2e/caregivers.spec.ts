import { demoAccount } from '../lib/wallet/demoAccounts';
import { connect, expect, expectAccessible, installWallet, publicClient, test } from './support/fixtures';
import { seedSmallChart } from './support/seedChart';
import { unlock } from './support/vault';

const patient = demoAccount('Patient');
const caregiver = demoAccount('Caregiver');
const clinician = demoAccount('Clinician', 1);

test('a caregiver acts for the patient, recorded as such, until the patient removes them', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await seedSmallChart(patient.privateKey, caregiver.privateKey);

  // The patient appoints Ana until a month from now; keys for every category are shared with her.
  await installWallet(page, patient.privateKey);
  await connect(page, '/access');
  await unlock(page, page.getByRole('region', { name: 'Unlock records' }));
  const caregivers = page.getByRole('region', { name: 'Caregivers' });
  await caregivers.getByLabel('Caregiver address').fill(caregiver.address);
  const chainNow = Number((await publicClient.getBlock()).timestamp);
  await caregivers.getByLabel('Until').fill(new Date((chainNow + 30 * 86_400) * 1000).toISOString().slice(0, 10));
  await caregivers.getByRole('button', { name: 'Appoint caregiver' }).click();
  await expect(caregivers).toContainText('Ana Bosco');
  await expect(page.getByRole('region', { name: 'Record keys' })).toContainText('new keys shared');
  await expectAccessible(page);

  // Ana acts for Lucien: grants a clinician, which the history shows as done by her.
  const caregiverContext = await browser.newContext();
  const ana = await caregiverContext.newPage();
  await installWallet(ana, caregiver.privateKey);
  await connect(ana, '/caring');
  await ana.getByRole('link', { name: `Act for ${patient.address}` }).click();
  await expect(ana.getByRole('heading', { name: /Acting for/ })).toContainText('Lucien Bosco');
  const form = ana.getByRole('region', { name: 'Grant access' });
  await form.getByLabel('Clinician address').fill(clinician.address);
  await form.getByRole('checkbox', { name: 'Conditions', exact: true }).check();
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expect(ana.getByRole('region', { name: 'Who can read my records' })).toContainText('Conditions');
  await expectAccessible(ana);

  await page.reload();
  const history = page.getByRole('region', { name: 'Access history' });
  await expect(history.getByRole('listitem').first()).toContainText('Done by your caregiver');
  await expect(history).toContainText('Caregiver appointed');

  // Ana sees all of Lucien's records.
  await ana.getByRole('link', { name: 'Open their records' }).click();
  await unlock(ana);
  await expect(ana.getByRole('region', { name: 'Active conditions' })).toContainText('Body mass index 30+');
  await expect(ana.getByRole('region', { name: 'Recent labs and vitals' })).toContainText('Body Height');
  // She reads everything, his Patient record too: who the chart is about, from his own record.
  await expect(ana.getByText(/From their records:\s*Clemente Kreiger · \d+ years old · Male/)).toBeVisible();

  // Lucien removes her; Ana can no longer act or read.
  await page.getByRole('button', { name: `Remove caregiver ${caregiver.address}` }).click();
  await expect(page.getByRole('region', { name: 'Caregivers' })).toContainText('You have no caregiver.');
  await ana.getByRole('button', { name: 'Reload chart' }).click();
  await expect(ana.getByRole('heading', { name: 'No access to this chart' })).toBeVisible();
  expect((await ana.request.get(`/api/keys?patient=${patient.address}`)).status()).toBe(403);
  await ana.goto(`/caring/${patient.address}`);
  await expect(ana.getByText('You are not (or no longer) a caregiver of this person')).toBeVisible();
  await caregiverContext.close();
});
