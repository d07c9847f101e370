import type { Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import type { ChainConfig } from '../chain/readChainConfig';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import { OwnChartError } from '../errors/OwnChartError';
import { CATEGORIES } from '../categories';
import { deriveCategoryKey } from './categoryKeys';
import type { KeyEnvelope } from './keyEnvelope';
import { envelopeKeyring } from './envelopeKeyring';
import { readKeyVersions } from './readKeyVersions';

/** The key (and its version) new records of a category are sealed with. */
export type SealingKeys = (category: number) => Promise<{ key: Uint8Array; version: number }>;

/** The patient seals with the current version of each category key, derived from their own key. */
export async function patientSealingKeys(
  client: ChainReader,
  config: ChainConfig,
  patient: Address,
  keys: EncryptionKeyPair,
): Promise<SealingKeys> {
  const versions = await readKeyVersions(client, config, patient);
  return async (category) => ({
    key: deriveCategoryKey(keys.privateKey, category, versions[category]!),
    version: versions[category]!,
  });
}

/** A grantee with write access seals with the newest version of the category key they were given. */
export function granteeSealingKeys(
  envelopes: readonly KeyEnvelope[],
  patient: Address,
  patientPublicKey: Uint8Array,
  reader: EncryptionKeyPair,
): SealingKeys {
  const keyring = envelopeKeyring(envelopes, patient, patientPublicKey, reader);
  return async (category) => {
    const newest = envelopes
      .filter((e) => e.category === category)
      .reduce<number | null>((max, e) => (max === null || e.version > max ? e.version : max), null);
    const key = newest === null ? null : await keyring(category, newest);
    if (!key || newest === null) {
      const label = CATEGORIES.find((c) => c.bit === category)?.label ?? `category ${category}`;
      throw new OwnChartError(
        `The patient has not shared the ${label} key with you yet. It is shared when they next open OwnChart.`,
      );
    }
    return { key, version: newest };
  };
}
