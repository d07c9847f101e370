import { hexToBytes, parseEventLogs, zeroAddress, zeroHash, type Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { emergencyAccessAbi, keyDirectoryAbi } from '../../contracts-abi';
import { ALL_CATEGORIES_MASK } from '../categories';
import { grantStatus } from '../access/grantStatus';
import { readGrants, type ReadGrantsReturnType } from '../access/readGrants';
import type { AccessEvent } from '../access/types';
import { readCaregiverships } from '../caregiving/readCaregiverships';
import type { ChainConfig } from '../chain/readChainConfig';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import { isUsableX25519PublicKey } from '../crypto/isUsableX25519PublicKey';
import { envelopesToShare, type Recipient } from './envelopesToShare';
import type { KeyEnvelope } from './keyEnvelope';
import { readKeyVersions } from './readKeyVersions';
import { vaultContracts } from './vaultContracts';

export type KeySyncResult = {
  /** Envelopes sealed and stored by this run. */
  shared: number;
  /** Of those, stored envelopes replaced because the patient had not sealed them (junk or stale). */
  repaired: number;
  /** Grantees who have not set up an encryption key yet: they get keys once they have. */
  awaitingKey: Address[];
  /** Recipients whose registered key nothing can be sealed to (a low-order point): skipped. */
  unusableKey: Address[];
};

/**
 * Makes sure everyone the patient has granted holds every category key their grant covers, up to
 * each category's current version; run after a grant and whenever the patient unlocks. Costs a
 * few reads and one envelope per (grantee, category, version) missing — never per record.
 */
export async function syncKeyEnvelopes(
  client: ChainReader,
  config: ChainConfig,
  {
    patient,
    keys,
    listEnvelopes,
    storeEnvelopes,
    grants: readAlready,
    history,
  }: {
    patient: Address;
    keys: EncryptionKeyPair;
    listEnvelopes: (patient: Address) => Promise<KeyEnvelope[]>;
    storeEnvelopes: (patient: Address, envelopes: KeyEnvelope[]) => Promise<void>;
    /** The patient's grants and access history, where the caller has just read them. */
    grants?: ReadGrantsReturnType;
    history?: readonly AccessEvent[];
  },
): Promise<KeySyncResult> {
  const { keyDirectory } = vaultContracts(config);
  const [current, responders, caregivers] = await Promise.all([
    readAlready ?? readGrants(client, config, { direction: 'grantees', account: patient }),
    emergencyRecipients(client, config, patient),
    readCaregiverships(client, config, { patient }),
  ]);
  const { grants, chainTime } = current;
  // Responders are sealed to ahead of time (the patient may not be online in an emergency); the
  // server releases their envelopes only while a break-glass window is open.
  const live = [
    ...grants.filter((g) => grantStatus(g, chainTime) === 'active'),
    ...responders.map((r) => ({ counterparty: r.address, categories: r.categories })),
    // A live caregiver sees every category, as the patient does.
    ...caregivers.map(({ caregiver }) => ({ counterparty: caregiver, categories: ALL_CATEGORIES_MASK })),
  ];
  if (live.length === 0) return { shared: 0, repaired: 0, awaitingKey: [], unusableKey: [] };

  const [versions, publicKeys, existing] = await Promise.all([
    readKeyVersions(client, config, patient, current, history),
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
  const unusableKey: Address[] = [];
  const isResponder = new Set(responders.map((r) => r.address));
  live.forEach((grant, i) => {
    const key = publicKeys[i]!;
    if (key === zeroHash) {
      if (!isResponder.has(grant.counterparty)) awaitingKey.push(grant.counterparty);
      return;
    }
    // One recipient's broken key must not stop every other recipient getting theirs.
    if (!isUsableX25519PublicKey(hexToBytes(key))) {
      unusableKey.push(grant.counterparty);
      return;
    }
    recipients.push({ address: grant.counterparty, publicKey: hexToBytes(key), categories: grant.categories });
  });
  const { owed, replaced } = await envelopesToShare({
    patient,
    patientPrivateKey: keys.privateKey,
    recipients,
    versions,
    existing,
  });
  if (owed.length > 0) await storeEnvelopes(patient, owed);
  return { shared: owed.length, repaired: replaced, awaitingKey, unusableKey };
}

/** Registered responders, with the categories of the patient's emergency policy (none if not opted in). */
async function emergencyRecipients(
  client: ChainReader,
  config: ChainConfig,
  patient: Address,
): Promise<{ address: Address; categories: number }[]> {
  if (!config.emergencyAccess) return [];
  const address = config.emergencyAccess;
  const policy = await client.readContract({
    address,
    abi: emergencyAccessAbi,
    functionName: 'policyOf',
    args: [patient],
  });
  if (policy.categories === 0) return [];
  const logs = await client.getLogs({
    address,
    event: emergencyAccessAbi.find((e) => e.type === 'event' && e.name === 'ResponderSet')!,
    fromBlock: config.deployBlock,
  });
  const candidates = [
    ...new Set(
      parseEventLogs({ abi: emergencyAccessAbi, eventName: 'ResponderSet', logs }).map((l) => l.args.responder),
    ),
  ];
  if (candidates.length === 0) return [];
  const institutions = await client.multicall({
    allowFailure: false,
    contracts: candidates.map(
      (responder) => ({ address, abi: emergencyAccessAbi, functionName: 'institutionOf', args: [responder] }) as const,
    ),
  });
  return candidates
    .filter((_, i) => institutions[i] !== zeroAddress)
    .map((responder) => ({ address: responder, categories: policy.categories }));
}
