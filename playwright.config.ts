import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';
import { E2E_APP_URL } from './e2e/support/env';

export default defineConfig({
  testDir: 'e2e',
  // The seeded demo has its own stack: playwright.demo.config.ts.
  testIgnore: 'demo/**',
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
    launchOptions: chromiumLaunchOptions,
  },
});
