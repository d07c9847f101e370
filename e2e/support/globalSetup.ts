import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestClient, http } from 'viem';
import { foundry } from 'viem/chains';
import { openDatabase } from '../../lib/db/openDatabase';
import { startAnvil } from '../../scripts/lib/anvil';
import { startPostgres } from '../../scripts/lib/postgres';
import { setupChain } from '../../scripts/lib/setupChain';
import { startAppServer, type AppServer } from './appServer';
import { E2E_ANVIL_PORT, E2E_APP_PORT, E2E_DATA_DIR, E2E_DIST_DIR, E2E_STATE_FILE } from './env';

/**
 * A fresh Anvil with the contracts deployed, a throwaway PostgreSQL cluster (the server driver,
 * shared by the app and the tests that seed it), and `next start` serving the production build
 * that scripts/buildForE2e.ts made for it. Each test reverts the chain to the snapshot taken here.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(path.join(E2E_DIST_DIR, 'BUILD_ID'))) {
    throw new Error(`No e2e build in ${E2E_DIST_DIR}: run \`npm run test:e2e\`, which builds first.`);
  }

  const anvil = await startAnvil({ port: E2E_ANVIL_PORT });
  await setupChain(anvil.rpcUrl);
  const testClient = createTestClient({ mode: 'anvil', chain: foundry, transport: http(anvil.rpcUrl) });
  const snapshotId = await testClient.snapshot();
  mkdirSync(path.dirname(E2E_STATE_FILE), { recursive: true });
  writeFileSync(E2E_STATE_FILE, JSON.stringify({ snapshotId }));

  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  const postgres = await startPostgres();
  // Tests (workers inherit this process's environment) and the app share it.
  process.env.DATABASE_URL = await postgres.createDatabase('ownchart_e2e');
  await (await openDatabase({ url: process.env.DATABASE_URL })).destroy();
  // The secret every server of the site shares (session cookies and sign-in nonces).
  process.env.OWNCHART_SESSION_SECRET = randomBytes(32).toString('hex');
  let app: AppServer;
  try {
    app = await startAppServer(E2E_APP_PORT);
  } catch (error) {
    await anvil.stop();
    await postgres.stop();
    throw error;
  }

  return async () => {
    await app.stop();
    await anvil.stop();
    await postgres.stop();
  };
}
