export {
  accessRegistryAbi,
  demoStableTokenAbi,
  disclosureAnchorsAbi,
  emergencyAccessAbi,
  keyDirectoryAbi,
  multicall3Abi,
  recordIndexAbi,
  researchStudiesAbi,
} from './abis';
export { deployments, type Deployment } from './addresses';
