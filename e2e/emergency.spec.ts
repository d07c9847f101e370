import { demoAccount } from '../lib/wallet/demoAccounts';
import { saveBench } from './support/bench';
import { connect, expect, expectAccessible, installWallet, test } from './support/fixtures';
import { seedSmallChart } from './support/seedChart';
import { unlock } from './support/vault';

const patient = demoAccount('Patient');
const responder = demoAccount('Responder');

test('break glass: refused without opt-in, then reads only the emergency categories until the patient ends it', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await seedSmallChart(patient.privateKey, responder.privateKey);

  // The responder tries before the patient opted in: refused, nothing recorded.
  const responderContext = await browser.newContext();
  const er = await responderContext.newPage();
  await installWallet(er, responder.privateKey);
  await connect(er, '/emergency/respond');
  const form = er.getByRole('region', { name: 'Break glass' });
  await form.getByLabel('Patient address').fill(patient.address);
  await form.getByLabel('Reason').selectOption({ label: 'Unconscious or unable to consent' });
  await form.getByLabel(/I confirm this is an emergency/).check();
  await expectAccessible(er);
  await form.getByRole('button', { name: 'Break glass' }).click();
  await expect(form.getByRole('status')).toContainText('has not turned on emergency access');

  // The patient opts in with the defaults; keys are sealed ahead for registered responders.
  await installWallet(page, patient.privateKey);
  await connect(page, '/emergency');
  const settings = page.getByRole('region', { name: 'Emergency access', exact: true });
  await expect(settings.getByRole('checkbox', { name: 'Allergies' })).toBeChecked();
  await settings.getByRole('button', { name: 'Turn on emergency access' }).click();
  await expect(settings).toContainText('On: a registered emergency responder can open your Conditions');
  await unlock(page, page.getByRole('region', { name: 'Unlock records' }));
  await expect(page.getByRole('region', { name: 'Emergency keys' })).toContainText('new keys shared');
  await expect(page.getByRole('img', { name: `QR code of the address ${patient.address}` })).toBeVisible();
  await expectAccessible(page);

  // Break glass: the responder reads the emergency categories only.
  const clicked = Date.now();
  await form.getByRole('button', { name: 'Break glass' }).click();
  await expect(form.getByRole('status')).toContainText('Confirmed');
  await er.getByRole('link', { name: 'Open the emergency chart' }).click();
  await expect(er.getByText(/Emergency access: Conditions, Medications, Allergies, Immunizations until/)).toBeVisible();
  await unlock(er);
  await expect(er.getByRole('region', { name: 'Active conditions' })).toContainText('Body mass index 30+');
  saveBench('emergency', { breakGlassToRecordMs: Date.now() - clicked });
  // Four records: three flu doses shown as one row, and a Td dose.
  await expect(er.getByRole('region', { name: 'Immunizations' }).getByRole('listitem')).toHaveCount(2);
  await expect(er.getByRole('region', { name: 'Immunizations' })).toContainText('3 doses');
  await expect(er.getByRole('region', { name: 'Recent labs and vitals' })).toContainText('Outside your access');

  // The patient sees the notice and ends it at once.
  await page.goto('/records');
  const notice = page.getByRole('alert').filter({ hasText: 'Emergency access to your records is open' });
  await expect(notice).toContainText('Dr. Alex Rivera');
  await expect(notice).toContainText('Unconscious or unable to consent');
  await notice.getByRole('button', { name: 'End emergency access now' }).click();
  await expect(page.getByRole('region', { name: 'Emergency access to your records' })).toContainText('Now ended');

  // The responder's next read fails, and ending it sticks: they cannot simply open it again.
  await er.getByRole('button', { name: 'Reload chart' }).click();
  await expect(er.getByRole('heading', { name: 'No access to this chart' })).toBeVisible();
  expect((await er.request.get(`/api/keys?patient=${patient.address}`)).status()).toBe(403);
  await er.goto('/emergency/respond');
  await form.getByLabel('Patient address').fill(patient.address);
  await form.getByLabel('Reason').selectOption({ label: 'Life-threatening condition' });
  await form.getByLabel(/I confirm this is an emergency/).check();
  await form.getByRole('button', { name: 'Break glass' }).click();
  await expect(form.getByRole('status')).toContainText('The patient ended your emergency access');
  // The reason is the patient's to see: the responder cannot read it back, nor can anyone else.
  expect((await er.request.get(`/api/emergency/reasons?patient=${patient.address}`)).status()).toBe(403);
  await page.goto('/emergency');
  const stopped = page.getByRole('region', { name: 'Responders you stopped' });
  await expect(stopped).toContainText('Dr. Alex Rivera');
  await expectAccessible(page);
  await stopped.getByRole('button', { name: `Allow again ${responder.address}` }).click();
  await expect(stopped).toBeHidden();

  // The history and the accounting of disclosures both show it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My records access' }).click();
  const history = page.getByRole('region', { name: 'Access history' });
  await expect(history).toContainText('Emergency access opened');
  await expect(history).toContainText('Ended by you.');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Who read my records' }).click();
  await unlock(page, page.getByRole('region', { name: 'Unlock records' }));
  const disclosures = page.getByRole('region', { name: 'Disclosures' });
  await expect(disclosures.getByRole('row', { name: /Emergency access/ }).first()).toBeVisible();
  await expect(disclosures).toContainText('Dr. Alex Rivera');
  await responderContext.close();
});
