import { createPublicClient, createTestClient, createWalletClient, getAddress, http, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { deployments } from '../../contracts-abi';
import { accessRegistryAbi } from '../../contracts-abi/abis';
import { accessRegistryBytecode, multicall3DeployedBytecode } from '../../contracts-abi/bytecode';
import { DEMO_ACCOUNTS } from '../../lib/wallet/demoAccounts';

export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';

export type SetupChainReturnType = { accessRegistry: Address };

/**
 * Makes a fresh local chain usable by the app: Multicall3 at its canonical address (Anvil lacks
 * it) and AccessRegistry deployed by the deployer key at its committed, deterministic address.
 * Safe to run against a chain that is already set up.
 */
export async function setupChain(rpcUrl: string): Promise<SetupChainReturnType> {
  const chain = { ...foundry, rpcUrls: { default: { http: [rpcUrl] } } };
  const client = createPublicClient({ chain, transport: http(rpcUrl) });
  const testClient = createTestClient({ mode: 'anvil', chain, transport: http(rpcUrl) });
  await testClient.setCode({ address: MULTICALL3_ADDRESS, bytecode: multicall3DeployedBytecode });

  const expected = getAddress(deployments['31337']!.AccessRegistry);
  if ((await client.getCode({ address: expected })) !== undefined) return { accessRegistry: expected };

  const deployer = privateKeyToAccount(DEMO_ACCOUNTS[0]!.privateKey);
  const wallet = createWalletClient({ account: deployer, chain, transport: http(rpcUrl) });
  const hash = await wallet.deployContract({ abi: accessRegistryAbi, bytecode: accessRegistryBytecode });
  const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  if (!receipt.contractAddress || getAddress(receipt.contractAddress) !== expected) {
    throw new Error(
      `AccessRegistry deployed at ${receipt.contractAddress}, expected ${expected}: start from a fresh chain`,
    );
  }
  return { accessRegistry: expected };
}
