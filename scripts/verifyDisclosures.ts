/**
 * Verifies the storage server's disclosure log against the chain: every entry chained to the one
 * before, and every head anchored on-chain matching the log. Exits 1 on any mismatch.
 *   npm run verify-disclosures [-- <data dir>]     (default: $OWNCHART_DATA_DIR or .data)
 */
import path from 'node:path';
import { createPublicClient, http, type PublicClient } from 'viem';
import { FsDisclosureLog } from '../lib/audit/FsDisclosureLog';
import { verifyLogAgainstChain } from '../lib/audit/logAnchors';
import { readChainConfig } from '../lib/chain/readChainConfig';

const dataDir = process.argv[2] ?? process.env.OWNCHART_DATA_DIR ?? '.data';
const config = readChainConfig({
  chainId: process.env.NEXT_PUBLIC_CHAIN_ID,
  rpcUrl: process.env.NEXT_PUBLIC_RPC_URL,
  disclosureAnchors: process.env.NEXT_PUBLIC_DISCLOSURE_ANCHORS_ADDRESS,
  deployBlock: process.env.NEXT_PUBLIC_DEPLOY_BLOCK,
});
if (!config.disclosureAnchors) {
  console.error(`No DisclosureAnchors on chain ${config.chain.id}: set NEXT_PUBLIC_DISCLOSURE_ANCHORS_ADDRESS.`);
  process.exit(2);
}
const client = createPublicClient({ chain: config.chain, transport: http(config.rpcUrl) }) as PublicClient;
const log = new FsDisclosureLog(path.join(dataDir, 'disclosures'));
const result = await verifyLogAgainstChain(log, client, config.disclosureAnchors, config.deployBlock);
if (result.ok) {
  console.log(
    `Disclosure log intact: ${result.entries} entries, ${result.anchored} anchored on chain ${config.chain.id}.`,
  );
} else {
  console.error(`Disclosure log FAILED verification (${result.entries} entries): ${result.problem}.`);
  process.exit(1);
}
