export { accessRegistryAbi, multicall3Abi } from './abis';
export { deployments } from './addresses';
