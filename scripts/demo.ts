/**
 * The demo in one command: a fresh Anvil, the contracts, a seeded world of grants made with real
 * signed transactions, and the production build served on http://127.0.0.1:3000.
 * Ctrl-C stops everything; every run starts from a clean chain.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseBundle } from '../lib/fhir/parseBundle';
import { DEMO_ACCOUNTS, demoAccount } from '../lib/wallet/demoAccounts';
import { startAnvil } from './lib/anvil';
import { buildApp } from './lib/buildApp';
import { NEXT_BIN, startChild, stopAllOnSignal } from './lib/processes';
import { seedAccess } from './lib/seedAccess';
import { seedEmergency } from './lib/seedEmergency';
import { seedResearch } from './lib/seedResearch';
import { registerEncryptionKey, seedRecords, shareRecordKeys } from './lib/seedRecords';
import { setupChain } from './lib/setupChain';
import { waitForHttp } from './lib/waitForHttp';

const SEED_DAYS = 30;
const port = process.env.PORT ?? '3000';
// Blobs and key envelopes belong to this run's chain: start both fresh together.
const dataDir = path.resolve('.demo/data');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: '.next-demo', OWNCHART_DATA_DIR: dataDir };
const DEMO_BUNDLE = 'fixtures/fhir/synthea-uscore-inferno-patient-85.json';

if (!process.argv.includes('--no-build')) {
  console.log('Building the app (production build)…');
  buildApp({ distDir: env.NEXT_DIST_DIR });
}

const anvil = await startAnvil({ port: 8545, timestamp: Math.floor(Date.now() / 1000) - SEED_DAYS * 86_400 });
const started = Date.now();
await setupChain(anvil.rpcUrl);
await seedAccess(anvil.rpcUrl, SEED_DAYS);
rmSync(dataDir, { recursive: true, force: true });
for (const role of ['Clinician', 'Caregiver'] as const) {
  await registerEncryptionKey(anvil.rpcUrl, demoAccount(role).privateKey);
}
// Before the records: the ended window moves the emergency categories to key version 1.
await seedEmergency({
  rpcUrl: anvil.rpcUrl,
  patientKey: demoAccount('Patient').privateKey,
  responderKey: demoAccount('Responder').privateKey,
});
const seeded = await seedRecords({
  rpcUrl: anvil.rpcUrl,
  dataDir,
  patientKey: demoAccount('Patient').privateKey,
  resources: parseBundle(readFileSync(DEMO_BUNDLE, 'utf8')).resources,
});
const { shared } = await shareRecordKeys({
  rpcUrl: anvil.rpcUrl,
  dataDir,
  patientKey: demoAccount('Patient').privateKey,
});
await seedResearch({ rpcUrl: anvil.rpcUrl, dataDir, researcherKey: demoAccount('Researcher').privateKey });
console.log(
  `Seeded ${seeded} encrypted records for the patient, shared ${shared} record keys (clinicians and emergency responders), one funded study and an ended emergency access.`,
);
console.log(`Chain ready and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (${anvil.rpcUrl})`);

startChild(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', port], { env });
stopAllOnSignal(anvil.stop);
await waitForHttp(`http://127.0.0.1:${port}`, 60_000);

console.log(`\nOwnChart is running: http://127.0.0.1:${port}\n`);
console.log('In the wallet picker, under "Demo accounts":');
for (const account of DEMO_ACCOUNTS.filter((a) => a.role !== 'Deployer')) {
  console.log(`  ${`${account.role} — ${account.name}`.padEnd(40)} ${account.address}`);
}
console.log('\nPress Ctrl-C to stop.');
