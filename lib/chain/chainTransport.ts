import { http, type HttpTransportConfig, type Transport } from 'viem';
import { pagedLogs } from './pagedLogs';
import type { ChainConfig } from './readChainConfig';

/** The one way to reach the configured node: HTTP, with log reads paged to what a real RPC accepts. */
export function chainTransport(
  config: Pick<ChainConfig, 'rpcUrl' | 'logPageBlocks'>,
  options?: HttpTransportConfig,
): Transport {
  return pagedLogs(http(config.rpcUrl, options), config.logPageBlocks);
}
