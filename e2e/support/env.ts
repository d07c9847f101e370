/** Ports for the e2e stack, apart from the dev defaults so both can run at once. */
export const E2E_ANVIL_PORT = Number(process.env.E2E_ANVIL_PORT ?? 8546);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const E2E_RPC_URL = `http://127.0.0.1:${E2E_ANVIL_PORT}`;
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const E2E_DIST_DIR = '.next-e2e';
/** Where global setup leaves the chain snapshot id each test reverts to. */
export const E2E_STATE_FILE = 'test-results/e2e-state.json';
/** The storage server's data directory for the e2e run (blobs; the rest is in PostgreSQL), emptied at start. */
export const E2E_DATA_DIR = 'test-results/e2e-data';
