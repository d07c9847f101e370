/**
 * Verifies the storage server's disclosure log against the chain: every entry chained to the one
 * before, and every head anchored on-chain matching the log. Exits 1 on any mismatch.
 *   npm run verify-disclosures [-- <data dir>]     (default: $OWNCHART_DATA_DIR or .data)
 * reads the log from DATABASE_URL if set, else from the embedded database in the data directory
 * (stop the server first: PGlite has one user at a time).
 */
import { createPublicClient, type PublicClient } from 'viem';
import { verifyLogAgainstChain } from '../lib/audit/logAnchors';
import { chainTransport } from '../lib/chain/chainTransport';
import { readChainConfig } from '../lib/chain/readChainConfig';
import { createDatabase, databaseConfigFromEnv } from '../lib/db/openDatabase';
import { SqlDisclosureLog } from '../lib/db/SqlDisclosureLog';

const dataDir = process.argv[2] ?? process.env.OWNCHART_DATA_DIR ?? '.data';
const config = readChainConfig({
  chainId: process.env.NEXT_PUBLIC_CHAIN_ID,
  rpcUrl: process.env.NEXT_PUBLIC_RPC_URL,
  disclosureAnchors: process.env.NEXT_PUBLIC_DISCLOSURE_ANCHORS_ADDRESS,
  deployBlock: process.env.NEXT_PUBLIC_DEPLOY_BLOCK,
  logPageBlocks: process.env.NEXT_PUBLIC_LOG_PAGE_BLOCKS,
});
if (!config.disclosureAnchors) {
  console.error(`No DisclosureAnchors on chain ${config.chain.id}: set NEXT_PUBLIC_DISCLOSURE_ANCHORS_ADDRESS.`);
  process.exit(2);
}
const client = createPublicClient({ chain: config.chain, transport: chainTransport(config) }) as PublicClient;
// Read only: no migration runs against the database being checked.
const db = createDatabase(databaseConfigFromEnv(dataDir));
const result = await verifyLogAgainstChain(
  new SqlDisclosureLog(db),
  client,
  config.disclosureAnchors,
  config.deployBlock,
);
await db.destroy();
if (result.ok) {
  console.log(
    `Disclosure log intact: ${result.entries} entries, ${result.anchored} anchored on chain ${config.chain.id}.`,
  );
} else {
  console.error(`Disclosure log FAILED verification (${result.entries} entries): ${result.problem}.`);
  process.exit(1);
}
