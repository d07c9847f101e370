import type { ChainReader } from './chainReader';
import { chainKeys } from './queryKeys';

/** The latest block's time, in seconds: what the contracts judge expiry and deadlines by. */
async function readChainTime(client: ChainReader): Promise<number> {
  return Number((await client.getBlock()).timestamp);
}

/** TanStack query options for the chain time. */
export function chainTimeQueryOptions(client: ChainReader, chainId: number) {
  return { queryKey: chainKeys.time(chainId), queryFn: () => readChainTime(client) };
}

/**
 * The time a form checks its dates against before the wallet opens: chain time when it could be
 * read, else this device's clock. Only a pre-check: the contract judges again at chain time, so
 * a wrong device clock can cost a refused signature, never a wrong grant. Never use this to tell
 * someone whether access is live: that needs the chain's answer or an error.
 */
export function formCheckTime(chainTime: number | undefined, deviceNowMs: number = Date.now()): number {
  return chainTime ?? Math.floor(deviceNowMs / 1000);
}
