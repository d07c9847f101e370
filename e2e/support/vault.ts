import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Unlocks the records vault on the current page (SIWE sign-in + key signature, signed by the E2E
 * wallet), registering the encryption key first if the account has none.
 */
export async function unlock(page: Page, scope: Locator = page.getByRole('main')): Promise<void> {
  await scope.getByRole('button', { name: 'Unlock records' }).click();
  await expect(scope.getByRole('heading', { name: 'Unlock records' })).toBeHidden();
  const register = scope.getByRole('button', { name: 'Register encryption key' });
  if (await register.isVisible()) {
    await register.click();
    await expect(scope.getByRole('heading', { name: 'Set up encryption' })).toBeHidden();
  }
}
