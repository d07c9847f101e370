import type { Locator, Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { DecryptionFailedError } from '../lib/crypto/aesGcm';
import { encryptionKeyFromSignature, keyDerivationTypedData } from '../lib/crypto/encryptionKeyFromSignature';
import { recordScope } from '../lib/storage/BlobStore';
import { openKeyEnvelope, type KeyEnvelope } from '../lib/vault/keyEnvelope';
import { openRecord, readRecordKeyInfo } from '../lib/vault/sealRecord';
import { demoAccount } from '../lib/wallet/demoAccounts';
import { saveBench } from './support/bench';
import { E2E_DATA_DIR } from './support/env';
import { connect, expect, expectAccessible, installWallet, publicClient, test } from './support/fixtures';
import { seedSmallChart } from './support/seedChart';
import { storedRecords } from './support/storedRecords';
import { unlock } from './support/vault';

const patient = demoAccount('Patient');
const clinician = demoAccount('Clinician', 0);
const SMALL_BUNDLE = 'fixtures/fhir/synthea-small-clemente-kreiger.json';
const IPS_BUNDLE = 'fixtures/fhir/ips-document-minimal.json';
const DOCUMENTS = 7;

function region(within: Page | Locator, name: string) {
  return within.getByRole('region', { name, exact: true });
}

async function importFile(page: Page, file: string) {
  await page.getByRole('main').getByRole('link', { name: 'Import records' }).click();
  await page.getByLabel('Choose FHIR file').setInputFiles(file);
}

async function keysOf(privateKey: `0x${string}`) {
  return encryptionKeyFromSignature(await privateKeyToAccount(privateKey).signTypedData(keyDerivationTypedData(31337)));
}

/** A blob as the server stored it: in the scope of the patient it was uploaded for. */
function storedBlob(hash: string, owner: Address = patient.address): Uint8Array {
  const scope = recordScope(owner).split('/');
  return new Uint8Array(readFileSync(path.join(E2E_DATA_DIR, 'blobs', ...scope, hash.slice(2, 4), hash.slice(2))));
}

/** The records the chain and the server's manifests hold for `owner`, in anchoring order. */
async function anchoredRecords(owner: Address) {
  return (await storedRecords(publicClient, E2E_DATA_DIR, owner)).records;
}

/** How many roots (imports, added notes) the chain holds for `owner`. */
async function anchorCount(owner: Address) {
  return (await storedRecords(publicClient, E2E_DATA_DIR, owner)).anchors.length;
}

test('import, chart, grant two categories, clinician note, revoke, and new keys after the revoke', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);

  // The clinician sets up encryption once, so patients can share keys with them.
  const clinicianContext = await browser.newContext();
  const doctor = await clinicianContext.newPage();
  await installWallet(doctor, clinician.privateKey);
  await connect(doctor, '/patients');
  await unlock(doctor);
  await expect(doctor.getByText('Encryption is set up')).toBeVisible();

  // The patient unlocks (registering their key) and imports a Synthea export.
  await installWallet(page, patient.privateKey);
  await connect(page, '/records');
  await unlock(page);
  await expect(page.getByText('0 records, each checked')).toBeVisible();
  await importFile(page, SMALL_BUNDLE);
  const preview = region(page, 'What synthea-small-clemente-kreiger.json holds');
  await expect(preview).toContainText('70 resources in a transaction bundle');
  await expect(preview.getByRole('row', { name: 'Labs and vitals 52' })).toBeVisible();
  await expectAccessible(page);
  await preview.getByRole('button', { name: 'Encrypt and store 70 records' }).click();
  await expect(page.getByText('Stored 70 records.')).toBeVisible({ timeout: 60_000 });

  // Importing the same file again stores nothing twice.
  await preview.getByRole('button', { name: 'Encrypt and store 70 records' }).click();
  await expect(page.getByText('Nothing new to store')).toBeVisible();
  expect(await anchoredRecords(patient.address)).toHaveLength(70);
  expect(await anchorCount(patient.address)).toBe(1);

  await page.getByRole('link', { name: 'See my records' }).click();
  await expect(page.getByText('70 records, each checked')).toBeVisible();
  await expect(region(page, 'Active conditions')).toContainText('Body mass index 30+ - obesity (finding)');
  // Four immunization records: three seasonal flu doses grouped as one row, and a Td dose.
  await expect(region(page, 'Immunizations').getByRole('listitem')).toHaveCount(2);
  await expect(region(page, 'Immunizations')).toContainText('3 doses');
  // The timeline says each visit's class in words, by year, newest first.
  const timeline = region(page, 'Timeline');
  await expect(timeline.getByRole('heading', { level: 3 })).toHaveText(['2018', '2015', '2012']);
  await expect(region(timeline, '2018')).toContainText('Outpatient visit');
  await expect(region(timeline, '2018')).toContainText('Vaccine: Influenza, seasonal, injectable, preservative free');
  await expect(region(page, 'Recent labs and vitals')).toContainText('Body Height');
  await expect(region(page, 'Recent labs and vitals')).toContainText('cm');
  // Systolic first by its code (the export lists diastolic first), in mmHg as people write it.
  await expect(region(page, 'Recent labs and vitals')).toContainText(/Blood Pressure\s*1\d\d\/\d\d mmHg/);
  // No allergy records is not "no known allergies": neither export states that.
  await expect(region(page, 'Allergies')).toContainText('No allergy information recorded.');
  await expect(region(page, 'Allergies')).not.toContainText('No known allergies');
  // Repeated results are plotted over time, with the same values as a table, newest first.
  const pressure = region(region(page, 'Trends'), 'Blood Pressure (mmHg)');
  await expect(pressure.getByRole('img', { name: /^Blood Pressure over time: 3 results/ })).toBeVisible();
  await expect(pressure.locator('canvas')).not.toHaveCount(0);
  await expect(pressure).toContainText('Systolic: solid blue line · Diastolic: dashed amber line');
  await expect(pressure.getByRole('row')).toHaveText([
    /Date\s*Result/,
    /2018\s*122\/87 mmHg/,
    /2015/,
    /2012\s*107\/72 mmHg/,
  ]);
  await expect(region(region(page, 'Trends'), 'Body Weight (kg)').getByRole('row')).toHaveCount(4);
  await expectAccessible(page);

  // Search across every record: by words, then narrowed by date.
  const allRecords = region(page, 'All records');
  const search = allRecords.getByRole('search', { name: 'Search records' });
  await search.getByRole('searchbox', { name: 'Search' }).fill('blood pressure');
  await expect(allRecords.getByRole('status')).toHaveText('3 of 70 records match.');
  await search.getByLabel('From date').fill('2015-01-01');
  await expect(allRecords.getByRole('status')).toHaveText('2 of 70 records match.');
  await expect(allRecords.getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page);
  await allRecords.getByRole('button', { name: 'Clear search' }).click();
  await expect(search.getByRole('searchbox', { name: 'Search' })).toHaveValue('');

  // Any record opens in detail.
  await allRecords.getByText('Conditions (1)').click();
  await allRecords.getByRole('button', { name: /View details of Body mass index/ }).click();
  const detail = page.getByRole('dialog', { name: 'Body mass index 30+ - obesity (finding)' });
  await expect(detail).toContainText('Verified: its content');
  await expectAccessible(page);
  await detail.getByRole('button', { name: 'Close' }).click();

  // Grant Conditions and Documents with write access; keys are shared at once.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My records access' }).click();
  const form = region(page, 'Grant access');
  await form.getByLabel('Clinician address').fill(clinician.address);
  await form.getByRole('checkbox', { name: 'Conditions', exact: true }).check();
  await form.getByRole('checkbox', { name: 'Documents', exact: true }).check();
  await form.getByRole('radio', { name: 'Read and add records' }).check();
  const grantClicked = Date.now();
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expect(region(page, 'Record keys')).toContainText('2 new keys shared');
  saveBench('grant-keys', { grantWith70RecordsMs: Date.now() - grantClicked });

  // The clinician accepts the new patient and sees exactly those two categories.
  await doctor.reload();
  await doctor.getByRole('button', { name: `Accept patient ${patient.address}` }).click();
  await doctor.getByRole('link', { name: `Open chart of patient ${patient.address}` }).click();
  await unlock(doctor);
  await expect(region(doctor, 'Active conditions')).toContainText('Body mass index 30+ - obesity (finding)');
  await expect(region(doctor, 'Immunizations')).toContainText('Outside your access');
  await expect(region(doctor, 'Recent labs and vitals')).toContainText('Outside your access');
  // Their Patient record is under Other records, which this grant leaves out: said, not guessed.
  await expect(doctor.getByText('The patient has not shared who they are (name, age, sex) with you')).toBeVisible();
  // Nor how many labs the patient has: the chain no longer says, and the server tells only what was granted.
  await expect(doctor.getByText(/52/)).toHaveCount(0);
  await expectAccessible(doctor);

  // Keep what a revoked clinician would still hold: their envelopes (fetched while allowed).
  const keysResponse = await doctor.request.get(`/api/keys?patient=${patient.address}`);
  const { envelopes } = (await keysResponse.json()) as { envelopes: KeyEnvelope[] };

  // The clinician adds a note; the patient sees it and who wrote it.
  const noteForm = region(doctor, 'Add a note');
  await noteForm.getByLabel('Title (optional)').fill('Follow-up visit');
  await noteForm.getByLabel('Note').fill('Throat clear on review. No antibiotics needed.');
  await noteForm.getByRole('button', { name: 'Save note' }).click();
  await expect(noteForm.getByText('Note saved and recorded on the blockchain.')).toBeVisible();
  await expect(region(doctor, 'Notes and documents')).toContainText('Throat clear on review.');

  await page.goto('/records');
  await unlock(page);
  const notes = region(page, 'Notes and documents');
  await expect(notes).toContainText('Follow-up visit');
  await expect(notes).toContainText('Written by Dr. Sam Okafor');

  // Revoke: the clinician's chart ends and the storage server gives them nothing more.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My records access' }).click();
  await region(page, 'Who can read my records')
    .getByRole('button', { name: `Revoke ${clinician.address}` })
    .click();
  await expect(region(page, 'Who can read my records').getByText('Nobody else can read your records')).toBeVisible();
  await expect(page.getByText('What someone has already read cannot be un-read')).toBeVisible();
  await doctor.getByRole('button', { name: 'Reload chart' }).click();
  await expect(doctor.getByRole('heading', { name: 'No access to this chart' })).toBeVisible();
  expect((await doctor.request.get(`/api/keys?patient=${patient.address}`)).status()).toBe(403);

  // The patient writes a new record; it is sealed under a new Documents key.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My records', exact: true }).click();
  const patientNote = region(page, 'Add a note');
  await patientNote.getByLabel('Note').fill('Started a new inhaler after the revoke.');
  await patientNote.getByRole('button', { name: 'Save note' }).click();
  await expect(patientNote.getByText('Note saved and recorded on the blockchain.')).toBeVisible();

  const records = await anchoredRecords(patient.address);
  const clinicianNote = records.at(-2)!;
  const newNote = records.at(-1)!;
  expect(clinicianNote.author).toBe(clinician.address);
  expect(newNote.category).toBe(DOCUMENTS);
  expect(readRecordKeyInfo(storedBlob(newNote.contentHash))).toEqual({ category: DOCUMENTS, keyVersion: 1 });

  // Even with the old key the revoked clinician cannot open it (while that key opens older records).
  const [patientKeys, clinicianKeys] = await Promise.all([keysOf(patient.privateKey), keysOf(clinician.privateKey)]);
  const oldKey = await openKeyEnvelope(
    envelopes.find((e) => e.category === DOCUMENTS && e.version === 0)!,
    {
      patient: patient.address,
      patientPublicKey: patientKeys.publicKey,
      recipientPrivateKey: clinicianKeys.privateKey,
    },
  );
  expect((await openRecord(storedBlob(clinicianNote.contentHash), oldKey)).resourceType).toBe('DocumentReference');
  await expect(openRecord(storedBlob(newNote.contentHash), oldKey)).rejects.toThrow(DecryptionFailedError);
  await clinicianContext.close();
});

test('bad files are refused with a clear message, and an import stopped midway is finished by Retry', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await installWallet(page, patient.privateKey);
  await connect(page, '/records');
  await unlock(page);
  await page.getByRole('main').getByRole('link', { name: 'Import records' }).click();
  const chooser = page.getByLabel('Choose FHIR file');
  const refusal = region(page, 'Choose a file').getByRole('alert');
  const file = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

  await chooser.setInputFiles(file('notes.json', 'this is not json'));
  await expect(refusal).toContainText('This file is not valid JSON');
  await chooser.setInputFiles(file('patient.json', '{"resourceType":"Patient","id":"x"}'));
  await expect(refusal).toContainText('Bundle');
  await chooser.setInputFiles(file('empty.json', '{"resourceType":"Bundle","type":"collection","entry":[]}'));
  await expect(refusal).toContainText('contains no records');
  await chooser.setInputFiles(file('list.json', '[1,2,3]'));
  await expect(refusal).toContainText('not a FHIR resource');
  await expectAccessible(page);

  // Drag and drop works as well as the picker.
  const text = readFileSync('fixtures/fhir/synthea-uscore-inferno-patient-85.json', 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'portal-export.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer });
  const preview = region(page, 'What portal-export.json holds');
  await expect(preview).toContainText('264 resources in a transaction bundle');

  // The upload breaks off midway (the connection drops): nothing is anchored, nothing shown as stored.
  let uploads = 0;
  const isUpload = (url: URL) => url.pathname === '/api/blobs';
  await page.route(isUpload, (route) => (++uploads === 2 ? route.abort('failed') : route.continue()));
  await preview.getByRole('button', { name: 'Encrypt and store 264 records' }).click();
  await expect(page.getByText('The import stopped.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Nothing from this file was stored')).toBeVisible();
  expect(await anchorCount(patient.address)).toBe(0);
  await page.unroute(isUpload);

  // Retry; the wallet declines the one anchoring transaction: still nothing counts as stored.
  await page.evaluate(() => window.__e2eWallet!.rejectNext(0));
  await preview.getByRole('button', { name: 'Retry import' }).click();
  await expect(page.getByText('The import stopped.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Nothing from this file was stored')).toBeVisible();
  expect(await anchorCount(patient.address)).toBe(0);

  await preview.getByRole('button', { name: 'Retry import' }).click();
  await expect(page.getByText('Stored 264 records.')).toBeVisible({ timeout: 30_000 });
  expect(await anchoredRecords(patient.address)).toHaveLength(264);
  expect(await anchorCount(patient.address)).toBe(1);
  await page.getByRole('link', { name: 'See my records' }).click();
  await expect(page.getByText(/^264 records, each checked/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Some records could not be shown' })).toHaveCount(0);
});

test('disconnecting the wallet signs out of the storage server and locks the records', async ({ page }) => {
  await installWallet(page, patient.privateKey);
  await connect(page, '/records');
  expect((await page.request.get('/api/auth/session')).status()).toBe(200);
  await unlock(page);
  await expect(page.getByText('0 records, each checked')).toBeVisible();

  await page.getByRole('banner').getByRole('button', { name: /79C8/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('main').getByRole('button', { name: 'Connect wallet' })).toBeVisible();
  await expect.poll(async () => (await page.request.get('/api/auth/session')).status()).toBe(401);

  // Connecting again asks for a new sign-in, and the records stay locked until unlocked again.
  await page.getByRole('main').getByRole('button', { name: 'Connect wallet' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /E2E Wallet/ })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign message' }).click();
  await expect(page.getByRole('button', { name: 'Unlock records' })).toBeVisible();
});

test('one damaged stored record is listed as damaged, and the rest of the chart still opens', async ({ page }) => {
  await seedSmallChart(patient.privateKey);
  const lab = (await anchoredRecords(patient.address)).find((r) => r.category === 4)!;
  // Bit rot (or tampering) on the server's disk, under the hash the chain anchored.
  const scope = recordScope(patient.address).split('/');
  writeFileSync(
    path.join(E2E_DATA_DIR, 'blobs', ...scope, lab.contentHash.slice(2, 4), lab.contentHash.slice(2)),
    'damaged',
  );
  await installWallet(page, patient.privateKey);
  await connect(page, '/records');
  await unlock(page);
  await expect(page.getByRole('region', { name: 'Active conditions' })).toContainText('Body mass index 30+');
  await expect(page.getByText(/^70 records, each checked/)).toContainText('1 could not be opened');
  const allRecords = region(page, 'All records');
  await allRecords.getByText(/^Labs and vitals \(\d+\)$/).click();
  await expect(allRecords.getByText('The storage server’s copy of this record is damaged')).toBeVisible();
  await expect(allRecords.getByText(/cannot be shown/)).toHaveCount(1);
});

test('an IPS whose allergy section says "unavailable" reads as unknown; a formatted note is safe and collapsed', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  // The real IPS document, its allergy section emptied the way IPS says "not available", and a
  // markdown discharge note that also tries to run script and load a tracking image.
  const bundle = JSON.parse(readFileSync(IPS_BUNDLE, 'utf8')) as {
    entry: { fullUrl: string; resource: Record<string, unknown> & { section?: Record<string, unknown>[] } }[];
  };
  const section = bundle.entry[0]!.resource.section!.find((s) => JSON.stringify(s.code).includes('48765-2'))!;
  const allergy = (section.entry as { reference: string }[])[0]!.reference;
  delete section.entry;
  section.emptyReason = {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason', code: 'unavailable' }],
  };
  bundle.entry = bundle.entry.filter((e) => e.fullUrl !== allergy);
  const markdown = [
    '## Plan',
    '- **Metformin** 500 mg twice daily',
    '- Stop *gliclazide*',
    '',
    'Blood glucose log reviewed with the patient.',
    '<img src="https://tracker.example/p.gif" onerror="window.__ranNoteScript = true">',
    '<script>window.__ranNoteScript = true</script>',
    '',
    'Review in clinic in 3 months.',
  ].join('\n');
  bundle.entry.push({
    fullUrl: 'urn:uuid:0c3f5d1e-6a8b-4f1e-9a55-3b2f1c7d9e10',
    resource: {
      resourceType: 'DocumentReference',
      id: '0c3f5d1e-6a8b-4f1e-9a55-3b2f1c7d9e10',
      status: 'current',
      date: '2024-05-02T10:00:00Z',
      description: 'Discharge summary',
      content: [{ attachment: { contentType: 'text/markdown', data: Buffer.from(markdown).toString('base64') } }],
    },
  });
  const file = testInfo.outputPath('ips-allergies-unavailable.json');
  writeFileSync(file, JSON.stringify(bundle));

  await installWallet(page, patient.privateKey);
  await connect(page, '/records');
  await unlock(page);
  await importFile(page, file);
  await page.getByRole('button', { name: 'Encrypt and store 8 records' }).click();
  await expect(page.getByText('Stored 8 records.')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: 'See my records' }).click();

  await expect(region(page, 'Allergies')).toContainText(
    'No allergy information: the record says it was not available.',
  );
  await expect(region(page, 'Allergies')).not.toContainText('No known allergies');

  const notes = region(page, 'Notes and documents');
  await expect(notes.getByRole('listitem').filter({ hasText: /^Metformin 500 mg twice daily$/ })).toBeVisible();
  await expect(notes.getByRole('strong').filter({ hasText: 'Plan' })).toBeVisible();
  // Nothing of the image or the script reached the page.
  await expect(notes.getByRole('img')).toHaveCount(0);
  await expect(notes.locator('script, [onerror]')).toHaveCount(0);
  // Collapsed: the last line is cut off below the note's first lines, until Show more.
  const lastLine = notes.getByText('Review in clinic in 3 months.');
  const body = notes.getByRole('listitem').filter({ hasText: 'Discharge summary' }).locator('.note-body');
  const cutOff = async () =>
    (await lastLine.boundingBox())!.y >= (await body.boundingBox())!.y + (await body.boundingBox())!.height;
  expect(await cutOff()).toBe(true);
  await notes.getByRole('button', { name: 'Show more of Discharge summary' }).click();
  await expect(notes.getByRole('button', { name: 'Show less of Discharge summary' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  expect(await cutOff()).toBe(false);
  await expectAccessible(page);
});
