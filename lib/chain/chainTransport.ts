import { http, type HttpTransportConfig, type Transport } from 'viem';
import { indexedLogs } from './indexedLogs';
import { pagedLogs } from './pagedLogs';
import { indexedContractAddresses, type ChainConfig } from './readChainConfig';

/**
 * The one way to reach the configured node: HTTP, with log reads paged to what a real RPC
 * accepts, and answered by the history indexer where one is configured.
 */
export function chainTransport(config: ChainConfig, options?: HttpTransportConfig): Transport {
  const chain = pagedLogs(http(config.rpcUrl, options), config.logPageBlocks);
  if (!config.indexerUrl) return chain;
  return indexedLogs(chain, {
    url: config.indexerUrl,
    chainId: config.chain.id,
    addresses: indexedContractAddresses(config).map((c) => c.address),
  });
}
