import { expect, test } from '@playwright/test';
import { JS_BUDGET_KB, routeJavaScript } from '../scripts/lib/routeJavaScript';
import { E2E_DIST_DIR } from './support/env';

// What a patient's phone downloads before a page works, for the build these tests run against.
test('the landing page and the pages a patient opens most stay within their JavaScript budget', () => {
  const routes = routeJavaScript(E2E_DIST_DIR);
  expect(routes, `no build in ${E2E_DIST_DIR}`).not.toBeNull();
  const measured = Object.fromEntries(routes!.map((r) => [r.route, r.kilobytes]));
  for (const [route, budget] of Object.entries(JS_BUDGET_KB)) {
    expect(measured[route], `first-load JS of ${route} (kB, gzipped)`).toBeLessThanOrEqual(budget);
  }
});
