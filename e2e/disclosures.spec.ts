import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { demoAccount } from '../lib/wallet/demoAccounts';
import { E2E_DATA_DIR, E2E_RPC_URL } from './support/env';
import { connect, expect, expectAccessible, installWallet, test } from './support/fixtures';
import { grantAndShareKeys, seedSmallChart } from './support/seedChart';
import { unlock } from './support/vault';

const run = promisify(execFile);
const patient = demoAccount('Patient');
const clinician = demoAccount('Clinician', 0);
const LOG_FILE = path.join(E2E_DATA_DIR, 'disclosures', 'disclosures.ndjson');

function verify() {
  return run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/verifyDisclosures.ts', E2E_DATA_DIR], {
    env: { ...process.env, NEXT_PUBLIC_RPC_URL: E2E_RPC_URL },
  });
}

test('the patient sees who read what, exports it, and the anchored log detects tampering', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await seedSmallChart(patient.privateKey, clinician.privateKey);
  await grantAndShareKeys(patient.privateKey, clinician.address, ['conditions', 'immunizations']);

  // The clinician opens the chart: 5 records and 2 keys are disclosed.
  const clinicianContext = await browser.newContext();
  const doctor = await clinicianContext.newPage();
  await installWallet(doctor, clinician.privateKey);
  await connect(doctor, `/patients/${patient.address}`);
  await unlock(doctor);
  // Four records: three flu doses shown as one row, and a Td dose.
  await expect(doctor.getByRole('region', { name: 'Immunizations' }).getByRole('listitem')).toHaveCount(2);
  await expect(doctor.getByRole('region', { name: 'Immunizations' })).toContainText('3 doses');
  await clinicianContext.close();

  // Back on their records, the patient is told who read since their last visit, until marked seen.
  await installWallet(page, patient.privateKey);
  await connect(page, '/records');
  const whatsNew = page.getByRole('region', { name: 'Since your last visit' });
  await whatsNew.getByText(/things? to know in the last seven days: show/).click();
  await expect(whatsNew.getByRole('listitem').filter({ hasText: 'Dr. Sam Okafor' })).toContainText(
    /^Read: Dr\. Sam Okafor.* read 5 records and 2 keys from Conditions, Immunizations · basis: Your grant/,
  );
  await whatsNew.getByRole('button', { name: 'Mark as seen' }).click();
  await expect(whatsNew).toContainText(/^Since your last visit\s*Nothing new to report since \d/);
  await expectAccessible(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Who read my records' }).click();
  await unlock(page);
  const disclosures = page.getByRole('region', { name: 'Disclosures' });
  const rows = disclosures.getByRole('row');
  // Other tests' readers may be in the same log: look at this clinician's reads.
  await disclosures.getByLabel('Reader').selectOption(clinician.address);
  await expect(rows).toHaveCount(1 + 5 + 2);
  await expect(rows.nth(1)).toContainText('Dr. Sam Okafor');
  await expect(disclosures).toContainText('A category key');
  await disclosures.getByLabel('Category').selectOption({ label: 'Immunizations' });
  await expect(rows).toHaveCount(1 + 4 + 1);
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    disclosures.getByRole('button', { name: 'Export as CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\n');
  expect(csv).toHaveLength(1 + 5);
  expect(csv[1]).toContain(clinician.address);

  await disclosures.getByRole('button', { name: 'Anchor the log now' }).click();
  await expect(disclosures).toContainText(/(\d+) of \1 log entries \(all patients\) are anchored on-chain/);

  // The verification command passes, then fails once an entry is rewritten.
  expect((await verify()).stdout).toContain('Disclosure log intact');
  const original = readFileSync(LOG_FILE, 'utf8');
  try {
    writeFileSync(LOG_FILE, original.replace(clinician.address, demoAccount('Clinician', 1).address));
    await expect(verify()).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('FAILED verification') });
  } finally {
    writeFileSync(LOG_FILE, original);
  }
});
