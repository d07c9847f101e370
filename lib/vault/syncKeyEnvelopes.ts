import { hexToBytes, zeroHash, type Address, type PublicClient } from 'viem';
import { keyDirectoryAbi } from '../../contracts-abi';
import { grantStatus } from '../access/grantStatus';
import { readGrants } from '../access/readGrants';
import type { ChainConfig } from '../chain/readChainConfig';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import { envelopesToShare, type Recipient } from './envelopesToShare';
import type { KeyEnvelope } from './keyEnvelope';
import { readKeyVersions } from './readKeyVersions';
import { vaultContracts } from './vaultContracts';

export type KeySyncResult = {
  /** Envelopes sealed and stored by this run. */
  shared: number;
  /** Grantees who have not set up an encryption key yet: they get keys once they have. */
  awaitingKey: Address[];
};

/**
 * Makes sure everyone the patient has granted holds every category key their grant covers, up to
 * each category's current version; run after a grant and whenever the patient unlocks. Costs a
 * few reads and one envelope per (grantee, category, version) missing — never per record.
 */
export async function syncKeyEnvelopes(
  client: PublicClient,
  config: ChainConfig,
  {
    patient,
    keys,
    listEnvelopes,
    storeEnvelopes,
  }: {
    patient: Address;
    keys: EncryptionKeyPair;
    listEnvelopes: (patient: Address) => Promise<KeyEnvelope[]>;
    storeEnvelopes: (patient: Address, envelopes: KeyEnvelope[]) => Promise<void>;
  },
): Promise<KeySyncResult> {
  const { keyDirectory } = vaultContracts(config);
  const { grants, chainTime } = await readGrants(client, config, { direction: 'grantees', account: patient });
  const live = grants.filter((g) => grantStatus(g, chainTime) === 'active');
  if (live.length === 0) return { shared: 0, awaitingKey: [] };

  const [versions, publicKeys, existing] = await Promise.all([
    readKeyVersions(client, config, patient),
    client.multicall({
      allowFailure: false,
      contracts: live.map(
        (g) =>
          ({ address: keyDirectory, abi: keyDirectoryAbi, functionName: 'keyOf', args: [g.counterparty] }) as const,
      ),
    }),
    listEnvelopes(patient),
  ]);
  const recipients: Recipient[] = [];
  const awaitingKey: Address[] = [];
  live.forEach((grant, i) => {
    const key = publicKeys[i]!;
    if (key === zeroHash) awaitingKey.push(grant.counterparty);
    else recipients.push({ address: grant.counterparty, publicKey: hexToBytes(key), categories: grant.categories });
  });
  const owed = await envelopesToShare({
    patient,
    patientPrivateKey: keys.privateKey,
    recipients,
    versions,
    existing,
  });
  if (owed.length > 0) await storeEnvelopes(patient, owed);
  return { shared: owed.length, awaitingKey };
}
