import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPublicClient, createTestClient, http, type Hex } from 'viem';
import { foundry } from 'viem/chains';
import { e2eDatabase } from './database';
import { E2E_DATA_DIR, E2E_RPC_URL, E2E_STATE_FILE } from './env';
import { openWalletPicker } from './openWalletPicker';

const injectedWalletBundle = buildSync({
  entryPoints: ['e2e/support/injectedWallet.ts'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  write: false,
}).outputFiles[0]!.text;

const chain = { ...foundry, rpcUrls: { default: { http: [E2E_RPC_URL] } } };
export const testClient = createTestClient({ mode: 'anvil', chain, transport: http(E2E_RPC_URL) });
export const publicClient = createPublicClient({ chain, transport: http(E2E_RPC_URL) });

/** Installs the E2E Wallet (EIP-6963, signs with `privateKey`) into every page of `page`'s context. */
export async function installWallet(page: Page, privateKey: Hex): Promise<void> {
  const settings = { privateKey, rpcUrl: E2E_RPC_URL };
  await page.addInitScript({ content: `window.__E2E_WALLET__ = ${JSON.stringify(settings)};` });
  await page.addInitScript({ content: injectedWalletBundle });
}

/**
 * Opens `path` and connects the E2E Wallet through RainbowKit's picker, then signs in (the
 * modal's "Verify your account" step: Sign-In with Ethereum).
 */
export async function connect(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const modal = await openWalletPicker(page, page.getByRole('main').getByRole('button', { name: 'Connect wallet' }));
  await modal.getByRole('button', { name: /E2E Wallet/ }).click();
  await modal.getByRole('button', { name: 'Sign message' }).click();
  await expect(modal).toBeHidden();
}

/** No serious or critical axe violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  // Next streams a dynamic page's metadata after its body: wait for the title it sends.
  await expect(page).toHaveTitle(/OwnChart/);
  // Touch targets (WCAG 2.2 AA, 24 px) are off in axe by default: patients tap with unsteady hands.
  const results = await new AxeBuilder({ page }).options({ rules: { 'target-size': { enabled: true } } }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export const test = base.extend<{ freshChain: void }>({
  // Every test starts from the chain state global setup left: contracts deployed, nothing else.
  freshChain: [
    async ({}, use) => {
      // Anvil consumes a snapshot on revert, and Playwright may restart the worker after a
      // failure, so the live snapshot id is kept in a file rather than in memory.
      const { snapshotId } = JSON.parse(readFileSync(E2E_STATE_FILE, 'utf8')) as { snapshotId: Hex };
      await testClient.revert({ id: snapshotId });
      // Stored blobs, key envelopes and reasons belong to the chain state they were made in. The
      // disclosure log is append-only, so it carries on across tests, as it would in use.
      for (const dir of ['blobs', 'study-documents', 'contributions'])
        rmSync(path.join(E2E_DATA_DIR, dir), { recursive: true, force: true });
      const db = await e2eDatabase();
      for (const table of ['key_envelopes', 'emergency_reasons', 'pending_uploads', 'blob_bindings'] as const) {
        await db.deleteFrom(table).execute();
      }
      writeFileSync(E2E_STATE_FILE, JSON.stringify({ snapshotId: await testClient.snapshot() }));
      await use();
    },
    { auto: true },
  ],
});

export { expect };
