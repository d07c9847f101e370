import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens RainbowKit's wallet picker with `button` and returns the dialog. Pages are rendered on
 * the server for every request (each carries its CSP nonce), so a click can land before React
 * has hydrated the button and do nothing: click again until the dialog is there, never sleep.
 */
export async function openWalletPicker(page: Page, button: Locator): Promise<Locator> {
  const modal = page.getByRole('dialog');
  await expect(async () => {
    if (!(await modal.isVisible())) await button.click({ timeout: 2_000 });
    await expect(modal).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  return modal;
}
