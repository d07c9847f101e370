/**
 * Prints the figures we track: gas per action beside OpenZeppelin's AccessControlEnumerable
 * (forge, isolated transactions), first-load JS per route (from the e2e build), and the dashboard's
 * RPC requests, grant latency, import time and memory and chart load measured by the last e2e run.
 */
import { execFileSync } from 'node:child_process';
import { encodeFunctionData, parseGwei, serializeTransaction } from 'viem';
import { accessRegistryAbi, keyDirectoryAbi, recordRootsAbi } from '../contracts-abi';
import { describeFeeParameters, opStackFee } from '../lib/chain/opStackFee';
import { existsSync, readFileSync } from 'node:fs';
import { randomKey } from '../lib/crypto/aesGcm';
import { categorizeResource } from '../lib/fhir/categorizeResource';
import { parseBundle } from '../lib/fhir/parseBundle';
import { x25519 } from '@noble/curves/ed25519.js';
import { ALL_CATEGORIES_MASK, CATEGORIES } from '../lib/categories';
import { sealContribution } from '../lib/research/contribution';
import { deidentify } from '../lib/research/deidentify';
import { sealRecord } from '../lib/vault/sealRecord';
import { E2E_DIST_DIR } from '../e2e/support/env';
import { benchIndexer } from './lib/benchIndexer';
import { benchServerState } from './lib/benchServerState';
import { JS_BUDGET_KB, routeJavaScript } from './lib/routeJavaScript';

const LARGEST_FIXTURE = 'fixtures/fhir/synthea-large-vito-feeney.json';

function section(title: string): void {
  console.log(`\n## ${title}\n`);
}

function gas(): void {
  section('Gas (forge, each call an isolated transaction)');
  execFileSync(
    'npx',
    ['forge', 'test', '--isolate', '--match-contract', 'GasComparison|RecordRootsGas|ResearchStudiesGas|EmergencyGas'],
    {
      stdio: 'ignore',
    },
  );
  const snapshot = JSON.parse(readFileSync('snapshots/access.json', 'utf8')) as Record<string, string>;
  const g = (name: string) => Number(snapshot[name]);
  const rows: [string, number, string][] = [
    [
      'grant (new)',
      g('grant (new)'),
      `${(g('grant (new)') / g('oz grantRole (new)')).toFixed(2)}× OZ grantRole (new, ${g('oz grantRole (new)')})`,
    ],
    [
      'grant (first ever)',
      g('grant (first ever)'),
      `${(g('grant (first ever)') / g('oz grantRole (first ever)')).toFixed(2)}× OZ grantRole (first, ${g('oz grantRole (first ever)')})`,
    ],
    ['grant (update)', g('grant (update)'), ''],
    ['revoke', g('revoke'), `${(g('revoke') / g('oz revokeRole')).toFixed(2)}× OZ revokeRole (${g('oz revokeRole')})`],
    ['canRead', g('canRead'), `OZ hasRole ${g('oz hasRole')}`],
    ['canWrite', g('canWrite'), ''],
    ['getGrant', g('getGrant'), ''],
    ['granteesOf (2 grants)', g('granteesOf (2 grants)'), ''],
    ['patientsOf (1 grant)', g('patientsOf (1 grant)'), ''],
  ];
  for (const [name, value, note] of rows) console.log(`${name.padEnd(24)} ${String(value).padStart(8)}  ${note}`);
}

/**
 * The same actions on an OP Stack L2 (Base), from the Ecotone fee model (lib/chain/opStackFee.ts):
 * the forge gas above for execution, and each call's own transaction bytes for the L1 data fee.
 */
function l2Gas(): void {
  const p = {
    l2GasPrice: parseGwei('0.01'),
    l1BaseFee: parseGwei('2'),
    blobBaseFee: parseGwei('1'),
    // Base mainnet's scalars (GasPriceOracle baseFeeScalar, blobBaseFeeScalar) when last looked up.
    baseFeeScalar: 2269n,
    blobBaseFeeScalar: 1_055_762n,
  };
  const ETH_USD = 3_000;
  section(`Gas on an L2 (Base, OP Stack Ecotone fee model; assumed ${describeFeeParameters(p)}, ETH at $${ETH_USD})`);
  const access = JSON.parse(readFileSync('snapshots/access.json', 'utf8')) as Record<string, string>;
  const records = JSON.parse(readFileSync('snapshots/records.json', 'utf8')) as Record<string, string>;
  const someone = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
  const other = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;
  const word = `0x${'5a'.repeat(32)}` as const;
  const actions = [
    [
      'grant (new)',
      access['grant (new)'],
      { abi: accessRegistryAbi, functionName: 'grant', args: [someone, other, 3, 1, 0] },
    ],
    ['revoke', access['revoke'], { abi: accessRegistryAbi, functionName: 'revoke', args: [someone, other] }],
    ['registerKey', records['registerKey'], { abi: keyDirectoryAbi, functionName: 'registerKey', args: [word] }],
    [
      'anchor an import',
      records['anchor import of 100 records'],
      { abi: recordRootsAbi, functionName: 'anchor', args: [someone, word] },
    ],
  ] as const;
  for (const [name, gasUsed, call] of actions) {
    const unsigned = serializeTransaction({
      chainId: 8453,
      type: 'eip1559',
      to: other,
      nonce: 42,
      gas: 200_000n,
      maxFeePerGas: p.l2GasPrice * 2n,
      maxPriorityFeePerGas: p.l2GasPrice / 10n,
      data: encodeFunctionData(call as Parameters<typeof encodeFunctionData>[0]),
    });
    const fee = opStackFee(BigInt(gasUsed!), unsigned, p);
    const usd = (wei: bigint) => `$${((Number(wei) / 1e18) * ETH_USD).toFixed(4)}`;
    console.log(
      `${name.padEnd(18)} ${gasUsed!.padStart(7)} gas: execution ${usd(fee.execution)} + L1 data ${usd(fee.data)} = ${usd(fee.total)}`,
    );
  }
}

function recordGas(): void {
  section('Gas for anchoring records (forge, isolated transactions): one root per import');
  const snapshot = JSON.parse(readFileSync('snapshots/records.json', 'utf8')) as Record<string, string>;
  for (const [action, records] of [
    ['anchor import of 1 record (first)', 1],
    ['anchor import of 100 records', 100],
    ['anchor import of 1,244 records', 1244],
    ["anchor a clinician's record", 1],
  ] as const) {
    const value = Number(snapshot[action]);
    const note = records > 1 ? `${Math.round(value / records)} per record` : '';
    console.log(`${action.padEnd(36)} ${String(value).padStart(8)}  ${note}`);
  }
  console.log(`${'registerKey'.padEnd(36)} ${snapshot['registerKey']!.padStart(8)}`);
}

function researchGas(): void {
  section('Gas for research studies (forge, isolated transactions)');
  const snapshot = JSON.parse(readFileSync('snapshots/research.json', 'utf8')) as Record<string, string>;
  for (const action of ['publish', 'fund', 'enrol', 'contribute', 'accept', 'claim', 'withdraw', 'close']) {
    console.log(`${action.padEnd(24)} ${snapshot[action]!.padStart(8)}`);
  }
}

function emergencyGas(): void {
  section('Gas for emergency access, caregivers and the disclosure log (forge, isolated transactions)');
  const snapshot = JSON.parse(readFileSync('snapshots/emergency.json', 'utf8')) as Record<string, string>;
  for (const [action, value] of Object.entries(snapshot)) console.log(`${action.padEnd(28)} ${value.padStart(8)}`);
}

async function deidentifyLargestFixture(): Promise<void> {
  section('De-identifying and encrypting the largest fixture for a study (Node; same code as the browser)');
  const { resources } = parseBundle(readFileSync(LARGEST_FIXTURE, 'utf8'));
  const patient = x25519.keygen();
  const researcher = x25519.keygen();
  const started = performance.now();
  const extract = deidentify(resources, ALL_CATEGORIES_MASK);
  const deidentified = performance.now();
  const sealed = await sealContribution({
    resources: extract,
    studyId: 1n,
    patient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    patientPrivateKey: patient.secretKey,
    researcherPublicKey: researcher.publicKey,
  });
  const encrypted = performance.now();
  console.log(
    `${resources.length} resources → ${extract.length} kept; de-identify ${Math.round(deidentified - started)} ms, encrypt ${Math.round(encrypted - deidentified)} ms (${(sealed.length / 1024 / 1024).toFixed(1)} MB sealed)`,
  );
}

async function sealLargestFixture(): Promise<void> {
  section('Encrypting the largest fixture (Node WebCrypto; the browser uses the same code)');
  const file = LARGEST_FIXTURE;
  const text = readFileSync(file, 'utf8');
  const started = performance.now();
  const { resources } = parseBundle(text);
  const parsed = performance.now();
  const keys = new Map(CATEGORIES.map((c) => [c.key, randomKey()]));
  let bytes = 0;
  for (const resource of resources) {
    const category = CATEGORIES.find((c) => c.key === categorizeResource(resource))!;
    bytes += (await sealRecord(resource, keys.get(category.key)!, { category: category.bit, keyVersion: 1 })).length;
  }
  const sealed = performance.now();
  console.log(`${file}: ${(text.length / 1024 / 1024).toFixed(1)} MB, ${resources.length} resources`);
  console.log(
    `parse ${Math.round(parsed - started)} ms, seal every record ${Math.round(sealed - parsed)} ms (${(bytes / 1024 / 1024).toFixed(1)} MB sealed)`,
  );
}

function firstLoadJs(): void {
  section('First-load JS per route (gzipped: the page and every layout above it, each chunk once)');
  const routes = routeJavaScript(E2E_DIST_DIR);
  if (!routes) {
    console.log(`No build in ${E2E_DIST_DIR}: run \`npm run test:e2e\` (it builds) and try again.`);
    return;
  }
  for (const { route, kilobytes } of routes) {
    const budget = JS_BUDGET_KB[route];
    const verdict = budget === undefined ? '' : `  budget ${budget} kB: ${kilobytes <= budget ? 'within' : 'OVER'}`;
    console.log(`${route.padEnd(24)} ${`${kilobytes} kB`.padStart(10)}${verdict}`);
  }
  console.log('(`next build` prints smaller "First Load JS" figures: it leaves out chunks only a layout uses.)');
}

function e2eFigures(): void {
  section('Measured in the last e2e run (real Chromium, Anvil, production build)');
  const read = (file: string) =>
    existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : null;
  const rpc = read('test-results/bench-rpc.json');
  const grant = read('test-results/bench-grant.json');
  if (!rpc || !grant) {
    console.log('No e2e figures yet: run `npm run test:e2e` and try again.');
    return;
  }
  const calls = rpc.dashboardRpcCalls as string[];
  const counts = calls.reduce<Record<string, number>>((acc, m) => ({ ...acc, [m]: (acc[m] ?? 0) + 1 }), {});
  console.log(
    `Dashboard load: ${rpc.dashboardRpcRequests} HTTP requests to the RPC, ${calls.length} JSON-RPC calls (${Object.entries(
      counts,
    )
      .map(([m, n]) => `${m} ×${n}`)
      .join(', ')})`,
  );
  console.log(`Grant: click to updated list ${grant.grantClickToListMs} ms`);

  const keys = read('test-results/bench-grant-keys.json');
  const chart = read('test-results/bench-chart.json');
  const imported = read('test-results/bench-import.json');
  if (keys && chart) {
    console.log(
      `Grant with keys shared: ${keys.grantWith70RecordsMs} ms for a patient with 70 records, ${chart.grantWith1000RecordsMs} ms with 1,000 (one key per category)`,
    );
    console.log(
      `Clinician chart of 1,000 records: Unlock click to chart on screen ${chart.chartClickToScreenMs} ms in the page (${chart.clinicianChartWallMs} ms as the test runner waits for it), ${chart.chartRpcRequests} RPC requests, ${chart.blobRequests} blob request`,
    );
  }
  if (chart?.chartPhases) {
    console.log(
      `  where the time goes (from vault:start; unlock phases before it are negative): ${(chart.chartPhases as string[]).join(', ')}; main-thread tasks over 50 ms: ${chart.tasksOver50Ms === 0 ? 'none' : `${chart.tasksOver50Ms}, longest ${chart.longestTaskMs} ms (${(chart.longTasksAt as string[]).join(', ')})`}`,
    );
  }
  if (chart?.leavesHandler) {
    console.log(`Listing and proving the leaves of 1,000 records (server): ${chart.leavesHandler}`);
  }
  if (chart?.readLatencyRatioWithLogging) {
    console.log(
      `Disclosure logging on reads: ${chart.disclosureLogMs} ms of ${chart.readHandlerMs} ms server time for 1,000 records (read latency ×${chart.readLatencyRatioWithLogging} with logging)`,
    );
  }
  const emergency = read('test-results/bench-emergency.json');
  if (emergency) {
    console.log(
      `Emergency: responder's break-glass click to first emergency record on screen ${emergency.breakGlassToRecordMs} ms (confirm, open chart, unlock, fetch, decrypt)`,
    );
  }
  const demo = read('test-results/bench-demo.json');
  if (demo) {
    console.log(
      `Demo seeding (npm run demo, chain start to last seeded read, build and server start-up excluded): ${demo.seedSeconds} s for ${demo.records} records`,
    );
  }
  const walkthrough = read('test-results/bench-walkthrough.json');
  if (walkthrough) {
    console.log(
      `Walkthrough on the seeded demo: grant click to the list showing it active ${walkthrough.walkthroughGrantClickToListMs} ms; whole walkthrough ${walkthrough.walkthroughSeconds} s in Chromium`,
    );
  }
  for (const screen of ['phone', 'laptop']) {
    const vitals = read(`test-results/bench-vitals-${screen}.json`);
    if (vitals) {
      console.log(
        `Page loads on a ${screen}: worst LCP ${vitals.worstLcpMs} ms, worst CLS ${vitals.worstCls} (${(vitals.pages as string[]).join('; ')})`,
      );
    }
  }
  if (imported) {
    console.log(
      `Import of the largest fixture (1,244 resources): ${imported.importLargestMs} ms click to stored, peak JS heap ${imported.importPeakHeapMB} MB`,
    );
  }
}

gas();
recordGas();
l2Gas();
researchGas();
emergencyGas();
await sealLargestFixture();
await deidentifyLargestFixture();
section('Server state (disclosure log, sessions, rate limits): PGlite and PostgreSQL, same queries');
await benchServerState();
section('History indexer (Ponder, PGlite) against Anvil');
for (const line of await benchIndexer()) console.log(line);
firstLoadJs();
e2eFigures();
