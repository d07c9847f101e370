import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { promisify } from 'node:util';
import { demoAccount } from '../lib/wallet/demoAccounts';
import { E2E_DATA_DIR, E2E_RPC_URL } from './support/env';
import { e2eDatabase } from './support/database';
import { connect, expect, expectAccessible, installWallet, test } from './support/fixtures';
import { grantAndShareKeys, seedSmallChart } from './support/seedChart';
import { unlock } from './support/vault';

const run = promisify(execFile);
const patient = demoAccount('Patient');
const clinician = demoAccount('Clinician', 0);

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

  await disclosures.getByRole('button', { name: 'Seal the log now' }).click();
  await expect(disclosures).toContainText(/(\d+) of \1 log entries \(all patients\) are sealed on the blockchain/);

  // The verification command passes, then fails once an entry is rewritten.
  expect((await verify()).stdout).toContain('Disclosure log intact');
  // Rewriting a read needs the database owner to lift the append-only trigger first.
  const db = await e2eDatabase();
  const last = await db
    .selectFrom('disclosures')
    .select(['seq', 'reader'])
    .where('reader', '=', clinician.address.toLowerCase())
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const setReader = (reader: string) =>
    db.transaction().execute(async (tx) => {
      await sql`ALTER TABLE disclosures DISABLE TRIGGER USER`.execute(tx);
      await tx.updateTable('disclosures').set({ reader }).where('seq', '=', last.seq).execute();
      await sql`ALTER TABLE disclosures ENABLE TRIGGER USER`.execute(tx);
    });
  await setReader(demoAccount('Clinician', 1).address.toLowerCase());
  try {
    await expect(verify()).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('FAILED verification') });
  } finally {
    await setReader(last.reader);
  }
});
