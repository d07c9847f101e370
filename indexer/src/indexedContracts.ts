import type { Abi, Address } from 'viem';
import {
  accessRegistryAbi,
  disclosureAnchorsAbi,
  emergencyAccessAbi,
  keyDirectoryAbi,
  recordRootsAbi,
  researchStudiesAbi,
} from '../../contracts-abi';
import { indexedContractAddresses, type ChainConfig } from '../../lib/chain/readChainConfig';

const ABIS = {
  AccessRegistry: accessRegistryAbi,
  KeyDirectory: keyDirectoryAbi,
  RecordRoots: recordRootsAbi,
  ResearchStudies: researchStudiesAbi,
  DisclosureAnchors: disclosureAnchorsAbi,
  EmergencyAccess: emergencyAccessAbi,
} as const;

/** OwnChart's contracts deployed on this chain (the app's own list), with their ABIs. */
export function indexedContracts(config: ChainConfig): { name: string; abi: Abi; address: Address }[] {
  return indexedContractAddresses(config).map(({ name, address }) => ({ name, abi: ABIS[name] as Abi, address }));
}
