import type { Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { assertHistoryComplete } from '../access/assertHistoryComplete';
import { readAccessHistory } from '../access/readAccessHistory';
import { readGrants, type ReadGrantsReturnType } from '../access/readGrants';
import type { AccessEvent } from '../access/types';
import type { ChainConfig } from '../chain/readChainConfig';
import { keyVersionsAt, type KeyVersions } from './categoryKeys';

/**
 * The patient's current key version per category, judged at the chain time of the grants read.
 * Checked against those grants, read directly from the registry, so a node that left a
 * revocation out of its logs stops the writer (IncompleteHistoryError) instead of letting it
 * seal under an old key. A caller that has just read the grants passes them (`current`).
 */
export async function readKeyVersions(
  client: ChainReader,
  config: ChainConfig,
  patient: Address,
  current?: ReadGrantsReturnType,
  readHistory?: readonly AccessEvent[],
): Promise<KeyVersions> {
  const [history, { grants, chainTime }] = await Promise.all([
    readHistory ?? readAccessHistory(client, config, patient),
    current ?? readGrants(client, config, { direction: 'grantees', account: patient }),
  ]);
  assertHistoryComplete(history, grants);
  return keyVersionsAt(history, chainTime);
}
