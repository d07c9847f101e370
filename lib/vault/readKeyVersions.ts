import type { Address, PublicClient } from 'viem';
import { readAccessHistory } from '../access/readAccessHistory';
import type { ChainConfig } from '../chain/readChainConfig';
import { keyVersionsAt, type KeyVersions } from './categoryKeys';

/** The patient's current key version per category, judged at the latest block's time. */
export async function readKeyVersions(
  client: PublicClient,
  config: ChainConfig,
  patient: Address,
): Promise<KeyVersions> {
  const [history, block] = await Promise.all([readAccessHistory(client, config, patient), client.getBlock()]);
  return keyVersionsAt(history, Number(block.timestamp));
}
