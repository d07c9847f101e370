import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { deployments, demoStableTokenAbi, researchStudiesAbi } from '../contracts-abi';
import { demoAccount } from '../lib/wallet/demoAccounts';
import { connect, expect, expectAccessible, installWallet, publicClient, test } from './support/fixtures';
import { E2E_APP_URL } from './support/env';
import { seedSmallChart } from './support/seedChart';
import { unlock } from './support/vault';

const researcher = demoAccount('Researcher');
const patient = demoAccount('Patient');
const token = deployments['31337']!.RewardToken;
const TITLE = 'Asthma and air quality';

function balanceOf(account: `0x${string}`) {
  return publicClient.readContract({
    address: token,
    abi: demoStableTokenAbi,
    functionName: 'balanceOf',
    args: [account],
  });
}

function study(page: Page) {
  return page.getByRole('article', { name: TITLE });
}

test('a funded study: patient consents, contributes de-identified data, is rewarded and withdraws', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const resources = await seedSmallChart(patient.privateKey);
  const startingBalance = await balanceOf(researcher.address);

  // The researcher registers the study key, publishes and funds (approve, then deposit).
  await installWallet(page, researcher.privateKey);
  await connect(page, '/research');
  await unlock(page);
  const form = page.getByRole('region', { name: 'Publish a study' });
  await form.getByLabel('Title').fill(TITLE);
  await form.getByLabel('Purpose').fill('How asthma control relates to local air quality over ten years.');
  await form
    .getByLabel('Consent document')
    .fill('I agree that a de-identified extract of my conditions and lab results is shared with the study team.');
  await form.getByRole('checkbox', { name: 'Conditions' }).check();
  await form.getByRole('checkbox', { name: 'Labs and vitals' }).check();
  await form.getByLabel('Reward per accepted contribution (oUSD)').fill('ten');
  await form.getByRole('button', { name: 'Publish study' }).click();
  await expect(form.getByText('Enter the reward as a number')).toBeVisible();
  await form.getByLabel('Reward per accepted contribution (oUSD)').fill('25');
  await form.getByLabel('Enrolment limit').fill('10');
  const chainNow = Number((await publicClient.getBlock()).timestamp);
  await form.getByLabel('Last day to join').fill(new Date((chainNow + 30 * 86_400) * 1000).toISOString().slice(0, 10));
  await form.getByRole('button', { name: 'Publish study' }).click();
  await expect(study(page)).toBeVisible();
  await expect(study(page)).toContainText('Budget left: 0 oUSD');

  await study(page).getByLabel('Amount (oUSD)').fill('100');
  await study(page).getByRole('button', { name: 'Step 1: Approve' }).click();
  await expect(study(page).getByRole('button', { name: 'Step 1: approved' })).toBeDisabled();
  await study(page).getByRole('button', { name: 'Step 2: Deposit' }).click();
  await expect(study(page)).toContainText('Budget left: 100 oUSD');
  await expectAccessible(page);

  // The patient reads the consent, joins and contributes.
  const patientContext = await browser.newContext();
  const maria = await patientContext.newPage();
  await installWallet(maria, patient.privateKey);
  await connect(maria, '/studies');
  await unlock(maria);
  await study(maria).getByText('Read the consent document and join').click();
  await expect(study(maria).getByRole('region', { name: 'Consent document' })).toContainText('I agree that');
  await expect(study(maria)).toContainText('Names (yours and your clinicians’)');
  await expectAccessible(maria);
  await study(maria).getByRole('button', { name: 'I consent: join study' }).click();
  await expect(study(maria)).toContainText('Your consentGiven');
  await study(maria).getByRole('button', { name: 'Contribute de-identified data' }).click();
  await expect(study(maria)).toContainText('Contributed, awaiting the researcher’s review');

  // The reward was set aside when the data came in; the data opens only once it is paid for.
  await page.reload();
  await unlock(page);
  await expect(study(page)).toContainText('Budget left: 75 oUSD');
  await expect(study(page)).toContainText('25 oUSD set aside for contributions awaiting review');
  const { contributionHash } = await publicClient.readContract({
    address: deployments['31337']!.ResearchStudies,
    abi: researchStudiesAbi,
    functionName: 'participationOf',
    args: [1n, patient.address],
  });
  const early = await page.request.get(`/api/contributions/${contributionHash}?study=1&patient=${patient.address}`);
  expect(early.status()).toBe(403);
  expect(await early.text()).toContain('Accept this contribution');
  await study(page)
    .getByRole('button', { name: `Accept and pay 25 oUSD for the contribution from ${patient.address}` })
    .click();
  await expect(study(page).getByRole('row', { name: /Accepted/ })).toBeVisible();
  await expect(study(page)).toContainText('Budget left: 75 oUSD (1 contribution accepted)');
  await study(page)
    .getByRole('button', { name: `Open the contribution from ${patient.address}` })
    .click();
  const opened = study(page).getByRole('region', { name: 'Contribution' });
  await expect(opened).toContainText('de-identified resources');
  await expect(opened).toContainText('Body mass index 30+ - obesity (finding)');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    study(page).getByRole('button', { name: 'Download dataset (CSV)' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe('participant,resource_type,code_system,code,description,value,year');
  expect(csv).toContain('P1,Condition,');
  const patientResource = resources.find((r) => r.resourceType === 'Patient') as { name: { family: string }[] };
  expect(csv).not.toContain(patientResource.name[0]!.family);

  // The patient claims the reward: tokens move on-chain.
  await maria.reload();
  await unlock(maria);
  await study(maria).getByRole('button', { name: 'Claim 25 oUSD' }).click();
  await expect(study(maria)).toContainText('25 oUSD claimed');
  expect(await balanceOf(patient.address)).toBe(25_000_000n);
  await expect(maria.getByRole('region', { name: 'My research rewards' })).toContainText('Claimed25 oUSD');

  // Withdrawing consent: no new data can be shared.
  await study(maria).getByRole('button', { name: 'Withdraw consent' }).click();
  await expect(study(maria)).toContainText('Withdrawn: nothing new is shared');
  const refused = await maria.request.post('/api/contributions?study=1', {
    headers: { 'x-content-sha256': `0x${'00'.repeat(32)}`, origin: E2E_APP_URL },
    data: Buffer.from('x'),
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain('Only patients enrolled in this study');

  // The researcher closes the study and reclaims what was not paid. The withdrawn patient's data
  // is closed to them again, paid for or not.
  await page.reload();
  await unlock(page);
  await expect(study(page).getByRole('row', { name: /consent withdrawn/ })).toBeVisible();
  await expect(study(page).getByRole('button', { name: /Open the contribution/ })).toHaveCount(0);
  await expect(study(page).getByRole('button', { name: 'Download dataset (CSV)' })).toHaveCount(0);
  await study(page).getByRole('button', { name: 'Close study and reclaim 75 oUSD' }).click();
  await expect(study(page)).toContainText('Closed');
  expect(startingBalance - (await balanceOf(researcher.address))).toBe(25_000_000n);
  await patientContext.close();
});
