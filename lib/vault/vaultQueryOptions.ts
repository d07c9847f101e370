import type { Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import type { ChainConfig } from '../chain/readChainConfig';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import type { VaultRecords } from './loadVaultRecords';
import { vaultKeys } from './queryKeys';
import { readRegisteredKey } from './registeredKey';
import { listEnvelopes, readBlobs, readLeaves } from './vaultApi';

/** TanStack query options for `patient`'s records as `reader` sees them. */
export function vaultRecordsQueryOptions(
  client: ChainReader,
  config: ChainConfig,
  { patient, reader, keys }: { patient: Address; reader: Address; keys: EncryptionKeyPair },
) {
  return {
    queryKey: vaultKeys.records(config.chain.id, patient, reader),
    // Loaded with the first chart, not with every page: the Merkle code is a good part of its size.
    queryFn: async (): Promise<VaultRecords> =>
      (await import('./loadVaultRecords')).loadVaultRecords(client, config, {
        patient,
        reader,
        keys,
        storage: { readLeaves, readBlobs, listEnvelopes },
      }),
  };
}

/**
 * Starts loading the chart-reading code (kept out of each page's first load) ahead of need, and
 * the worker that checks its proofs and opens its records.
 */
export function preloadVaultReader(): void {
  void import('./loadVaultRecords').catch(() => undefined);
  void import('./offThread').then(
    (m) => m.startVaultWorker(),
    () => undefined,
  );
}

/** TanStack query options for `account`'s registered encryption public key (zero if none). */
export function registeredKeyQueryOptions(client: ChainReader, config: ChainConfig, account: Address) {
  return {
    queryKey: vaultKeys.registeredKey(config.chain.id, account),
    queryFn: () => readRegisteredKey(client, config, account),
  };
}
