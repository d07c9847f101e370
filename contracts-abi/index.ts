export { accessRegistryAbi, keyDirectoryAbi, multicall3Abi, recordIndexAbi } from './abis';
export { deployments, type Deployment } from './addresses';
