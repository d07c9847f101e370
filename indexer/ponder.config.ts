/**
 * The history indexer: every event of OwnChart's contracts on the configured chain, kept as the
 * raw logs an RPC would return, so the app reads history from here exactly as it would with
 * eth_getLogs (lib/chain/indexedLogs.ts). The chain, RPC URL and addresses are the app's own
 * configuration (the same NEXT_PUBLIC_* variables); the database is PGlite in `.ponder/pglite`
 * under the directory it is started from (PONDER_PGLITE_DIR elsewhere) unless PONDER_DATABASE_URL
 * names a PostgreSQL.
 */
import { createConfig } from 'ponder';
import { chainConfig } from '../lib/chain/chainConfig';
import { indexedContracts } from './src/indexedContracts';

const databaseUrl = process.env.PONDER_DATABASE_URL;

export default createConfig({
  database: databaseUrl
    ? { kind: 'postgres', connectionString: databaseUrl }
    : { kind: 'pglite', directory: process.env.PONDER_PGLITE_DIR ?? '.ponder/pglite' },
  chains: {
    ownchart: {
      id: chainConfig.chain.id,
      rpc: chainConfig.rpcUrl,
      // A local chain is restarted from scratch: nothing cached from an earlier one may be reused.
      disableCache: chainConfig.isLocal,
      pollingInterval: chainConfig.isLocal ? 250 : 2_000,
      ethGetLogsBlockRange: Number(chainConfig.logPageBlocks),
    },
  },
  contracts: Object.fromEntries(
    indexedContracts(chainConfig).map(({ name, abi, address }) => [
      name,
      { abi, address, chain: 'ownchart', startBlock: Number(chainConfig.deployBlock) },
    ]),
  ),
});
