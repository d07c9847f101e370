/**
 * The demo in one command: a fresh Anvil, every contract, a month of realistic use seeded through
 * the app's own code with real signed transactions, and the production build served.
 * Ctrl-C stops everything; every run starts again from a clean chain and empty storage.
 *
 *   npm run demo [-- --no-build] [--port 3000] [--rpc-port 8545]
 *                [--dist-dir .next-demo] [--data-dir .demo/data] [--timing-file FILE]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databaseConfigFromEnv, openDatabase } from '../lib/db/openDatabase';
import { parseBundle } from '../lib/fhir/parseBundle';
import { DEMO_ACCOUNTS, demoAccount } from '../lib/wallet/demoAccounts';
import { startAnvil } from './lib/anvil';
import { buildApp } from './lib/buildApp';
import { seedClock } from './lib/chainWriter';
import { assertPortFree } from './lib/assertPortFree';
import { NEXT_BIN, startChild, stopAllOnSignal } from './lib/processes';
import { seedDemoWorld } from './lib/seedDemoWorld';
import { readChartAs } from './lib/seedReads';
import { setupChain } from './lib/setupChain';
import { waitForHttp } from './lib/waitForHttp';

const { values: options } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'rpc-port': { type: 'string', default: '8545' },
    'dist-dir': { type: 'string', default: '.next-demo' },
    'data-dir': { type: 'string', default: '.demo/data' },
    'timing-file': { type: 'string' },
  },
});

const SEED_DAYS = 30;
const DEMO_BUNDLE = 'fixtures/fhir/synthea-uscore-inferno-patient-85.json';
const appUrl = `http://127.0.0.1:${options.port}`;
const rpcUrl = `http://127.0.0.1:${options['rpc-port']}`;
const distDir = options['dist-dir'];
// Blobs, key envelopes and the disclosure log belong to this run's chain: all start fresh together.
const dataDir = path.resolve(options['data-dir']);
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NEXT_DIST_DIR: distDir,
  OWNCHART_DATA_DIR: dataDir,
  // The site sign-ins must name: configuration, never the request's Host header.
  OWNCHART_ORIGIN: appUrl,
};

await assertPortFree(Number(options['rpc-port']), '--rpc-port');
await assertPortFree(Number(options.port), '--port');
if (options['no-build']) {
  if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
    throw new Error(`No build in ${distDir}: run without --no-build once.`);
  }
} else {
  console.log('Building the app (production build, two to three minutes on two cores)…');
  buildApp({ distDir, env: { NEXT_PUBLIC_RPC_URL: rpcUrl } });
}

const started = performance.now();
// The chain starts when the seeded month does: day 0 of the seed clock.
const clock = seedClock(rpcUrl, SEED_DAYS);
const anvil = await startAnvil({
  port: Number(options['rpc-port']),
  timestamp: clock.time(0),
});
const stop = stopAllOnSignal(anvil.stop);
// A failed step must not leave Anvil or the server running behind it.
try {
  await setupChain(anvil.rpcUrl);
  rmSync(dataDir, { recursive: true, force: true });
  // PGlite has one user at a time: the seed closes it before the server opens it.
  const db = await openDatabase(databaseConfigFromEnv(dataDir));
  const world = await seedDemoWorld({
    rpcUrl,
    dataDir,
    db,
    clock,
    resources: parseBundle(readFileSync(DEMO_BUNDLE, 'utf8')).resources,
  });
  await db.destroy();
  const chainSeconds = (performance.now() - started) / 1000;
  console.log(
    `Seeded ${world.records} encrypted records, ${world.keysShared} shared record keys, grants, two studies and an ended emergency access in ${chainSeconds.toFixed(1)} s.`,
  );

  startChild(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', options.port], { env });
  await waitForHttp(appUrl, 60_000);
  // Dr. Okafor opened the chart this morning and Ana checked her father's medicines: both reads
  // go through the running server, so they are in the accounting of disclosures.
  const readStarted = performance.now();
  const patient = demoAccount('Patient').address;
  const reads = [];
  for (const reader of [demoAccount('Clinician', 0), demoAccount('Caregiver')]) {
    reads.push(`${reader.name} ${await readChartAs({ appUrl, rpcUrl, readerKey: reader.privateKey, patient })}`);
  }
  const readSeconds = (performance.now() - readStarted) / 1000;
  const totalSeconds = chainSeconds + readSeconds;
  console.log(`Reads through the server (${reads.join(', ')} records) in ${readSeconds.toFixed(1)} s.`);
  console.log(`Seeding took ${totalSeconds.toFixed(1)} s in all (server start-up not counted).`);
  if (options['timing-file']) {
    mkdirSync(path.dirname(options['timing-file']), { recursive: true });
    writeFileSync(
      options['timing-file'],
      JSON.stringify({ seedSeconds: Number(totalSeconds.toFixed(1)), records: world.records }),
    );
  }
} catch (error) {
  console.error(error);
  await stop(1);
}
console.log(`\nOwnChart is running: ${appUrl}   (guided walkthrough: ${appUrl}/walkthrough)\n`);
console.log('Connect with "Connect wallet"; the picker lists these as installed wallets:');
for (const account of DEMO_ACCOUNTS.filter((a) => a.role !== 'Deployer')) {
  console.log(`  ${`${account.role} — ${account.name}`.padEnd(60)} ${account.address}`);
}
console.log('\nPress Ctrl-C to stop.');
