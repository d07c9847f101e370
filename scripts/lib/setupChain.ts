import { createTestClient, getAddress, http, type Abi, type Address, type Hex } from 'viem';
import { deployments } from '../../contracts-abi';
import {
  accessRegistryAbi,
  demoStableTokenAbi,
  disclosureAnchorsAbi,
  emergencyAccessAbi,
  keyDirectoryAbi,
  recordRootsAbi,
  researchStudiesAbi,
} from '../../contracts-abi/abis';
import {
  accessRegistryBytecode,
  demoStableTokenBytecode,
  disclosureAnchorsBytecode,
  emergencyAccessBytecode,
  keyDirectoryBytecode,
  multicall3DeployedBytecode,
  recordRootsBytecode,
  researchStudiesBytecode,
} from '../../contracts-abi/bytecode';
import { DEMO_ACCOUNTS, demoAccount } from '../../lib/wallet/demoAccounts';
import { chainWriter } from './chainWriter';

export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';

export type SetupChainReturnType = {
  accessRegistry: Address;
  keyDirectory: Address;
  recordRoots: Address;
  researchStudies: Address;
  rewardToken: Address;
  disclosureAnchors: Address;
  emergencyAccess: Address;
};

/** What the demo researcher starts with: one million demo dollars (6 decimals). */
export const DEMO_TOKEN_SUPPLY = 1_000_000n * 10n ** 6n;

/**
 * Makes a fresh local chain usable by the app: Multicall3 at its canonical address (Anvil lacks
 * it) and our contracts deployed by the deployer key at their committed, deterministic addresses.
 * Safe to run against a chain that is already set up.
 */
export async function setupChain(rpcUrl: string): Promise<SetupChainReturnType> {
  const { config, client, account: deployer, wallet, confirm } = chainWriter(rpcUrl, DEMO_ACCOUNTS[0]!.privateKey);
  const testClient = createTestClient({ mode: 'anvil', chain: config.chain, transport: http(rpcUrl) });
  await testClient.setCode({ address: MULTICALL3_ADDRESS, bytecode: multicall3DeployedBytecode });

  const expected = deployments['31337']!;
  const addresses = {
    accessRegistry: getAddress(expected.AccessRegistry),
    keyDirectory: getAddress(expected.KeyDirectory),
    recordRoots: getAddress(expected.RecordRoots),
    researchStudies: getAddress(expected.ResearchStudies),
    rewardToken: getAddress(expected.RewardToken),
    disclosureAnchors: getAddress(expected.DisclosureAnchors),
    emergencyAccess: getAddress(expected.EmergencyAccess),
  };

  async function deploy(name: string, address: Address, abi: Abi, bytecode: Hex, args: readonly unknown[] = []) {
    if ((await client.getCode({ address })) !== undefined) return;
    const hash = await wallet.deployContract({ abi, bytecode, args });
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    if (!receipt.contractAddress || getAddress(receipt.contractAddress) !== address) {
      throw new Error(`${name} deployed at ${receipt.contractAddress}, expected ${address}: start from a fresh chain`);
    }
  }
  // Order matters: the addresses follow the deployer's nonce.
  await deploy('AccessRegistry', addresses.accessRegistry, accessRegistryAbi, accessRegistryBytecode);
  await deploy('KeyDirectory', addresses.keyDirectory, keyDirectoryAbi, keyDirectoryBytecode);
  await deploy('RecordRoots', addresses.recordRoots, recordRootsAbi, recordRootsBytecode, [addresses.accessRegistry]);
  await deploy('ResearchStudies', addresses.researchStudies, researchStudiesAbi, researchStudiesBytecode);
  await deploy('DemoStableToken', addresses.rewardToken, demoStableTokenAbi, demoStableTokenBytecode, [
    demoAccount('Researcher').address,
    DEMO_TOKEN_SUPPLY,
  ]);
  // The local storage server anchors its disclosure log with the deployer key.
  await deploy('DisclosureAnchors', addresses.disclosureAnchors, disclosureAnchorsAbi, disclosureAnchorsBytecode, [
    deployer.address,
  ]);
  // Locally the deployer is both governance and the one registered institution (an emergency
  // department), and registers the demo responder.
  if ((await client.getCode({ address: addresses.emergencyAccess })) === undefined) {
    await deploy('EmergencyAccess', addresses.emergencyAccess, emergencyAccessAbi, emergencyAccessBytecode, [
      deployer.address,
    ]);
    for (const call of [
      { functionName: 'setInstitution', args: [deployer.address, true] },
      { functionName: 'setResponder', args: [demoAccount('Responder').address, true] },
    ] as const) {
      await confirm(
        wallet.writeContract({ address: addresses.emergencyAccess, abi: emergencyAccessAbi, ...call }),
        call.functionName,
      );
    }
  }
  return addresses;
}
