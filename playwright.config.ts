import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/lib/findChromium';
import { E2E_APP_URL } from './e2e/support/env';

const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: 'e2e',
  // One chain, reverted between tests: tests run one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 45_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/playwright',
  globalSetup: './e2e/support/globalSetup.ts',
  use: {
    baseURL: E2E_APP_URL,
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
