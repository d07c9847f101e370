import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';
import { E2E_ANVIL_PORT, E2E_APP_PORT, E2E_APP_URL, E2E_DIST_DIR } from './e2e/support/env';

/**
 * The walkthrough and the README's screenshots, against the seeded demo itself: `npm run demo`'s
 * script, on the e2e ports and build, started before the tests and stopped after them.
 */
export default defineConfig({
  testDir: 'e2e/demo',
  // One seeded world, changed by the walkthrough: screenshots (read-only) first, then the walkthrough.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/playwright-demo',
  webServer: {
    command: [
      'node node_modules/tsx/dist/cli.mjs scripts/demo.ts --no-build',
      `--dist-dir ${E2E_DIST_DIR} --port ${E2E_APP_PORT} --rpc-port ${E2E_ANVIL_PORT}`,
      '--data-dir test-results/demo-data --timing-file test-results/bench-demo.json',
    ].join(' '),
    url: E2E_APP_URL,
    wait: { stdout: /OwnChart is running/ },
    timeout: 120_000,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    reuseExistingServer: false,
  },
  use: {
    baseURL: E2E_APP_URL,
    trace: 'retain-on-failure',
    actionTimeout: 20_000,
    launchOptions: chromiumLaunchOptions,
  },
});
