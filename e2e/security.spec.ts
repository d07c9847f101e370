import { expect, test } from './support/fixtures';

/** Every page a person can open, signed in or not. */
const PAGES = [
  '/',
  '/walkthrough',
  '/access',
  '/records',
  '/records/import',
  '/patients',
  '/disclosures',
  '/studies',
  '/research',
  '/emergency',
  '/emergency/respond',
  '/caring',
];

test('every page is served with a nonce CSP and the other security headers', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of PAGES) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `${path}: script nonce`).toBeTruthy();
    nonces.add(nonce!);
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:\d+;/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    // Never HSTS on localhost: it would stick to the browser for every local project.
    expect(headers['strict-transport-security'], path).toBeUndefined();
    // Next's own scripts carry this response's nonce.
    expect(await response.text(), path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size, 'a fresh nonce per response').toBe(PAGES.length);
});

test('a script injected into a page does not run, and the page still works', async ({ page }) => {
  // As if an attacker got markup into the HTML: an inline script and an inline event handler.
  await page.route('**/access', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '</body>',
      '<script>window.__injected = "script"</script><img src="/nowhere.png" onerror="window.__injected = \'handler\'"></body>',
    );
    await route.fulfill({ response, body: html });
  });
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  await page.goto('/access');
  await expect(page.getByRole('main').getByRole('button', { name: 'Connect wallet' })).toBeVisible();
  expect(await page.evaluate(() => (window as { __injected?: string }).__injected)).toBeUndefined();
  expect(violations.length).toBeGreaterThanOrEqual(2);
});

test('the app cannot be framed by another site', async ({ request }) => {
  const response = await request.get('/');
  expect(response.headers()['x-frame-options']).toBe('DENY');
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});
