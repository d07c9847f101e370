import { bytesToHex, type Address, type Hex } from 'viem';
import { keyDirectoryAbi, recordRootsAbi } from '../../contracts-abi';
import { defineAction } from '../chain/contractAction';
import type { ChainConfig } from '../chain/readChainConfig';
import { vaultKeys } from './queryKeys';
import { vaultContracts } from './vaultContracts';

/** The account publishes the public half of its encryption key, so records can be sealed to it. */
export function registerEncryptionKey(
  config: ChainConfig,
  { account, publicKey }: { account: Address; publicKey: Uint8Array },
) {
  return defineAction({
    label: 'registering your encryption key',
    address: vaultContracts(config).keyDirectory,
    abi: keyDirectoryAbi,
    functionName: 'registerKey',
    args: [bytesToHex(publicKey)],
    invalidates: [vaultKeys.registeredKey(config.chain.id, account)],
  });
}

/** What a write to a patient's records makes stale: every reader's view of them. */
export const afterRecordsChange = (config: ChainConfig, patient: Address) => [
  vaultKeys.patientRecords(config.chain.id, patient),
];

/** The patient, or a writer they granted, anchors one import's Merkle root. */
export function anchorRecords(config: ChainConfig, { patient, root }: { patient: Address; root: Hex }) {
  return defineAction({
    label: 'anchoring your records',
    address: vaultContracts(config).recordRoots,
    abi: recordRootsAbi,
    functionName: 'anchor',
    args: [patient, root],
    invalidates: afterRecordsChange(config, patient),
  });
}
