/**
 * Production build for the e2e suite, pointed at its Anvil. Run outside Playwright: under the
 * Playwright runner the same build takes several times longer.
 */
import { E2E_DIST_DIR, E2E_RPC_URL } from '../e2e/support/env';
import { buildApp } from './lib/buildApp';

buildApp({ distDir: E2E_DIST_DIR, env: { NEXT_PUBLIC_RPC_URL: E2E_RPC_URL }, logPath: 'test-results/next-build.log' });
