import { expect, type Page } from '@playwright/test';
import type { DemoAccount } from '../../lib/wallet/demoAccounts';
import { openWalletPicker } from './openWalletPicker';

/**
 * Connects `account` the way a presenter does: the demo account in the wallet picker, then
 * the Sign-In with Ethereum message.
 */
export async function connectDemoAccount(page: Page, account: DemoAccount): Promise<void> {
  const modal = await openWalletPicker(page, page.getByRole('banner').getByRole('button', { name: 'Connect wallet' }));
  await modal.getByRole('button', { name: `${account.role} — ${account.name}` }).click();
  await modal.getByRole('button', { name: 'Sign message' }).click();
  await expect(modal).toBeHidden();
  await expect(
    page.getByRole('banner').getByRole('button', { name: new RegExp(account.address.slice(-4)) }),
  ).toBeVisible();
}

/** Disconnects whoever is connected (the account button, then Disconnect) and connects `account`. */
export async function switchDemoAccount(page: Page, from: DemoAccount, to: DemoAccount): Promise<void> {
  await page
    .getByRole('banner')
    .getByRole('button', { name: new RegExp(from.address.slice(-4)) })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
  await connectDemoAccount(page, to);
  // The header names the account the page now acts for, never the one before.
  await expect(page.getByRole('banner')).toContainText(to.name);
  await expect(page.getByRole('banner')).not.toContainText(from.name);
}

/**
 * Collects what would mean a broken page: uncaught errors, server errors, and any request that
 * leaves this machine (the local demo must not touch the internet).
 */
export function watchForFaults(page: Page): string[] {
  const faults: string[] = [];
  page.on('pageerror', (error) => faults.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) faults.push(`HTTP ${response.status()} from ${response.url()}`);
  });
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    if (!['data:', 'blob:'].includes(protocol) && hostname !== '127.0.0.1') {
      faults.push(`request to the internet: ${request.url()}`);
    }
  });
  return faults;
}
