export {
  accessRegistryAbi,
  demoStableTokenAbi,
  disclosureAnchorsAbi,
  emergencyAccessAbi,
  keyDirectoryAbi,
  multicall3Abi,
  recordRootsAbi,
  researchStudiesAbi,
} from './abis';
export { deployments, type Deployment } from './addresses';
