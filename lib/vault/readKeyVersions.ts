import type { Address, PublicClient } from 'viem';
import { assertHistoryComplete } from '../access/assertHistoryComplete';
import { readAccessHistory } from '../access/readAccessHistory';
import { readGrants } from '../access/readGrants';
import type { ChainConfig } from '../chain/readChainConfig';
import { keyVersionsAt, type KeyVersions } from './categoryKeys';

/**
 * The patient's current key version per category, judged at the latest block's time. Checked
 * against the grants read directly from the registry, so a node that left a revocation out of
 * its logs stops the writer (IncompleteHistoryError) instead of letting it seal under an old key.
 */
export async function readKeyVersions(
  client: PublicClient,
  config: ChainConfig,
  patient: Address,
): Promise<KeyVersions> {
  const [history, { grants }, block] = await Promise.all([
    readAccessHistory(client, config, patient),
    readGrants(client, config, { direction: 'grantees', account: patient }),
    client.getBlock(),
  ]);
  assertHistoryComplete(history, grants);
  return keyVersionsAt(history, Number(block.timestamp));
}
