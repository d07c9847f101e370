import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createTestClient, http } from 'viem';
import { foundry } from 'viem/chains';
import { startAnvil } from '../../scripts/lib/anvil';
import { setupChain } from '../../scripts/lib/setupChain';
import { E2E_ANVIL_PORT, E2E_APP_PORT, E2E_APP_URL, E2E_DIST_DIR, E2E_RPC_URL, E2E_STATE_FILE } from './env';

const NEXT_BIN = 'node_modules/next/dist/bin/next';

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * A fresh Anvil with the contracts deployed, a production build pointed at it, and `next start`.
 * Each test reverts the chain to the snapshot taken here.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_PUBLIC_RPC_URL: E2E_RPC_URL, NEXT_DIST_DIR: E2E_DIST_DIR };
  if (!process.env.E2E_SKIP_BUILD) {
    execFileSync(process.execPath, [NEXT_BIN, 'build'], { env, stdio: 'inherit' });
  }

  const anvil = await startAnvil({ port: E2E_ANVIL_PORT });
  await setupChain(anvil.rpcUrl);
  const testClient = createTestClient({ mode: 'anvil', chain: foundry, transport: http(anvil.rpcUrl) });
  const snapshotId = await testClient.snapshot();
  mkdirSync('test-results', { recursive: true });
  writeFileSync(E2E_STATE_FILE, JSON.stringify({ snapshotId }));

  const app = spawn(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(E2E_APP_PORT)], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHttp(E2E_APP_URL, 60_000);

  return async () => {
    app.kill('SIGTERM');
    await anvil.stop();
  };
}
