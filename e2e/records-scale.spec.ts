import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseBundle } from '../lib/fhir/parseBundle';
import { demoAccount } from '../lib/wallet/demoAccounts';
import { registerEncryptionKey, seedRecords } from '../scripts/lib/seedRecords';
import { saveBench } from './support/bench';
import { e2eDatabase } from './support/database';
import { E2E_DATA_DIR, E2E_RPC_URL } from './support/env';
import { connect, expect, installWallet, test } from './support/fixtures';
import { unlock } from './support/vault';

// Scale checks that also produce the figures `npm run bench` prints.
const patient = demoAccount('Patient');
const clinician = demoAccount('Clinician', 0);
const LARGE_BUNDLE = 'fixtures/fhir/synthea-large-vito-feeney.json';

/** Samples the page's JS heap every 100 ms until stopped; returns the peak in bytes. */
async function watchHeap(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let running = true;
  const sampling = (async () => {
    while (running) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return async () => {
    running = false;
    await sampling;
    return peak;
  };
}

test('the largest fixture imports as one anchored root with progress, within browser memory', async ({ page }) => {
  test.setTimeout(180_000);
  await installWallet(page, patient.privateKey);
  await connect(page, '/records');
  await unlock(page);
  await page.getByRole('main').getByRole('link', { name: 'Import records' }).click();
  await page.getByLabel('Choose FHIR file').setInputFiles(LARGE_BUNDLE);
  const start = page.getByRole('button', { name: 'Encrypt and store 1,244 records' });
  await expect(start).toBeVisible();

  const stopWatching = await watchHeap(page);
  const clicked = Date.now();
  await start.click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText('Stored 1,244 records.')).toBeVisible({ timeout: 150_000 });
  const importMs = Date.now() - clicked;
  const peakHeapBytes = await stopWatching();

  await page.getByRole('link', { name: 'See my records' }).click();
  await expect(page.getByText('1,244 records, each checked')).toBeVisible({ timeout: 30_000 });
  saveBench('import', { importLargestMs: importMs, importPeakHeapMB: Math.round(peakHeapBytes / 1024 / 1024) });
});

test('a clinician chart of 1,000 records opens quickly, and granting does not grow with records', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const resources = parseBundle(readFileSync(LARGE_BUNDLE, 'utf8')).resources.slice(0, 1_000);
  await registerEncryptionKey(E2E_RPC_URL, clinician.privateKey);
  const seeded = await seedRecords({
    rpcUrl: E2E_RPC_URL,
    dataDir: E2E_DATA_DIR,
    db: await e2eDatabase(),
    patientKey: patient.privateKey,
    resources,
  });
  expect(seeded).toBe(1_000);

  // Grant every category: one key per category is shared, whatever the number of records.
  await installWallet(page, patient.privateKey);
  await connect(page, '/access');
  await unlock(page, page.getByRole('region', { name: 'Unlock records' }));
  const form = page.getByRole('region', { name: 'Grant access' });
  await form.getByLabel('Clinician address').fill(clinician.address);
  await form.getByRole('checkbox', { name: 'All records' }).check();
  const grantClicked = Date.now();
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expect(page.getByRole('region', { name: 'Record keys' })).toContainText('9 new keys shared');
  const grantWith1000RecordsMs = Date.now() - grantClicked;

  const clinicianContext = await browser.newContext();
  const doctor = await clinicianContext.newPage();
  await installWallet(doctor, clinician.privateKey);
  // Every main-thread task over 50 ms from here on, for the "no long task while decrypting" budget.
  await doctor.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  // When the Unlock click lands and when the chart's first section is on screen, as the page sees
  // them: the figure the issue budgets ("unlock to chart"), free of test-runner latency.
  await doctor.addInitScript(() => {
    document.addEventListener(
      'click',
      (event) => {
        const button = (event.target as HTMLElement).closest('button');
        if (button?.textContent?.includes('Unlock records')) performance.mark('ownchart:test:unlock-clicked');
      },
      true,
    );
    new MutationObserver((_, observer) => {
      if (document.body?.innerText.includes('Labs and vitals')) {
        performance.mark('ownchart:test:chart-shown');
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await connect(doctor, `/patients/${patient.address}`);
  const requests: string[] = [];
  doctor.on('request', (request) => {
    if (request.url().startsWith(E2E_RPC_URL)) requests.push('rpc');
    else if (request.url().includes('/api/')) requests.push(new URL(request.url()).pathname);
  });
  // The server reports what authorizing and logging the read cost (Server-Timing).
  const timings: Record<string, number>[] = [];
  doctor.on('response', (response) => {
    const header = response.headers()['server-timing'];
    if (!response.url().endsWith('/api/blobs/read') || !header) return;
    timings.push(
      Object.fromEntries(
        header.split(',').map((part) => {
          const [name, duration] = part.trim().split(';dur=');
          return [name!, Number(duration)];
        }),
      ),
    );
  });
  // And what listing and proving the leaves cost.
  let leavesTiming = '';
  doctor.on('response', (response) => {
    if (response.url().endsWith('/api/blobs/leaves')) leavesTiming = response.headers()['server-timing'] ?? '';
  });
  const opened = Date.now();
  const unlockedAt = await doctor.evaluate(() => performance.now());
  await unlock(doctor);
  await expect(doctor.getByRole('region', { name: 'All records' })).toContainText('Labs and vitals');
  const clinicianChartWallMs = Date.now() - opened;
  // Where the time went (lib/perf/markPhase.ts marks), and the longest main-thread tasks meanwhile.
  const { phases, longTasks, longTasksAt, clickToChartMs } = await doctor.evaluate((since) => {
    const marks = performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('ownchart:') && m.startTime >= since);
    const start = marks.find((m) => m.name === 'ownchart:vault:start')?.startTime ?? since;
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    const at = (name: string) => marks.find((m) => m.name === `ownchart:test:${name}`)?.startTime ?? NaN;
    return {
      clickToChartMs: Math.round(at('chart-shown') - at('unlock-clicked')),
      phases: marks.map((m) => `${m.name.slice('ownchart:'.length)} +${Math.round(m.startTime - start)} ms`),
      longTasks: tasks.filter((t) => t.start >= since).map((t) => Math.round(t.duration)),
      longTasksAt: tasks
        .filter((t) => t.start >= since)
        .map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.start - start)} ms`),
    };
  }, unlockedAt);
  const counts = await doctor.getByRole('region', { name: 'All records' }).locator('summary').allTextContents();
  const total = counts.reduce((sum, text) => sum + Number(/\(([\d,]+)\)/.exec(text)![1]!.replace(',', '')), 0);
  expect(total).toBe(1_000);
  await expect(doctor.getByText('cannot be shown')).toHaveCount(0);
  await clinicianContext.close();

  const rpcRequests = requests.filter((r) => r === 'rpc').length;
  const blobRequests = requests.filter((r) => r === '/api/blobs/read').length;
  expect(blobRequests).toBe(1); // every record the clinician may read, in one streamed answer
  const sum = (name: string) => timings.reduce((total, t) => total + (t[name] ?? 0), 0);
  const withLog = sum('authorize') + sum('read') + sum('log');
  expect(clickToChartMs).toBeGreaterThan(0);
  saveBench('chart', {
    chartClickToScreenMs: clickToChartMs,
    clinicianChartWallMs,
    chartPhases: phases,
    longestTaskMs: Math.max(0, ...longTasks),
    tasksOver50Ms: longTasks.length,
    longTasksAt,
    grantWith1000RecordsMs,
    chartRpcRequests: rpcRequests,
    blobRequests,
    readHandlerMs: Math.round(withLog),
    leavesHandler: leavesTiming,
    disclosureLogMs: Math.round(sum('log')),
    readLatencyRatioWithLogging: Number((withLog / (withLog - sum('log'))).toFixed(2)),
  });
});
