import type { Abi, Address } from 'viem';
import {
  accessRegistryAbi,
  disclosureAnchorsAbi,
  emergencyAccessAbi,
  keyDirectoryAbi,
  recordRootsAbi,
  researchStudiesAbi,
} from '../../contracts-abi';
import type { ChainConfig } from '../../lib/chain/readChainConfig';

/** OwnChart's contracts deployed on this chain, whose every event the indexer keeps. */
export function indexedContracts(config: ChainConfig): { name: string; abi: Abi; address: Address }[] {
  const contracts = [
    { name: 'AccessRegistry', abi: accessRegistryAbi, address: config.accessRegistry },
    { name: 'KeyDirectory', abi: keyDirectoryAbi, address: config.keyDirectory },
    { name: 'RecordRoots', abi: recordRootsAbi, address: config.recordRoots },
    { name: 'ResearchStudies', abi: researchStudiesAbi, address: config.research?.studies ?? null },
    { name: 'DisclosureAnchors', abi: disclosureAnchorsAbi, address: config.disclosureAnchors },
    { name: 'EmergencyAccess', abi: emergencyAccessAbi, address: config.emergencyAccess },
  ];
  return contracts.flatMap(({ name, abi, address }) => (address ? [{ name, abi: abi as Abi, address }] : []));
}
