import type { Address, PublicClient } from 'viem';
import type { ChainConfig } from '../chain/readChainConfig';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import { loadVaultRecords } from './loadVaultRecords';
import { vaultKeys } from './queryKeys';
import { listEnvelopes, readBlobs, readLeaves } from './vaultApi';

/** TanStack query options for `patient`'s records as `reader` sees them. */
export function vaultRecordsQueryOptions(
  client: PublicClient,
  config: ChainConfig,
  { patient, reader, keys }: { patient: Address; reader: Address; keys: EncryptionKeyPair },
) {
  return {
    queryKey: vaultKeys.records(config.chain.id, patient, reader),
    queryFn: () =>
      loadVaultRecords(client, config, { patient, reader, keys, storage: { readLeaves, readBlobs, listEnvelopes } }),
  };
}
