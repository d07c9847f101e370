import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  http,
  isAddress,
  type Abi,
  type Address,
  type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import {
  accessRegistryAbi,
  demoStableTokenAbi,
  disclosureAnchorsAbi,
  emergencyAccessAbi,
  keyDirectoryAbi,
  recordRootsAbi,
  researchStudiesAbi,
  type Deployment,
} from '../../contracts-abi';
import {
  accessRegistryBytecode,
  demoStableTokenBytecode,
  disclosureAnchorsBytecode,
  emergencyAccessBytecode,
  keyDirectoryBytecode,
  recordRootsBytecode,
  researchStudiesBytecode,
} from '../../contracts-abi/bytecode';

export const MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11';
/** Where each chain's deployment is kept; contracts-abi/addresses.ts reads them all. */
export const ADDRESSES_DIR = 'contracts-abi/addresses';

export class DeployError extends Error {
  override name = 'DeployError';
}

export type DeployParameters = {
  rpcUrl: string;
  chainId: number;
  deployerKey: Hex;
  /** The ERC-20 studies are funded and rewarded in (a stablecoin); or `demo` to deploy oUSD. */
  rewardToken: Address | 'demo';
  /** The storage server's account that anchors the disclosure log (default: the deployer). */
  operator?: Address;
  /** Who registers institutions and responders for break glass (default: the deployer). */
  governance?: Address;
  outDir?: string;
  /** Overwrite an existing deployment file for this chain. */
  replace?: boolean;
};

export type DeployResult = { deployment: Deployment; file: string; gas: Record<string, bigint> };

/**
 * Deploys every OwnChart contract to the chain at `rpcUrl` and writes
 * `<outDir>/<chainId>.json`, with the index that lets the app find it by chain id. Refuses a
 * node on another chain, a chain without Multicall3 (the app reads through it) and, unless
 * `replace`, a chain already deployed to.
 */
export async function deployContracts(parameters: DeployParameters): Promise<DeployResult> {
  const { rpcUrl, chainId, deployerKey, rewardToken, replace = false } = parameters;
  const outDir = parameters.outDir ?? ADDRESSES_DIR;
  const file = path.join(outDir, `${chainId}.json`);
  if (existsSync(file) && !replace) {
    throw new DeployError(`${file} exists: chain ${chainId} is already deployed to. Pass --replace to deploy again.`);
  }
  for (const [name, value] of [
    ['--reward-token', rewardToken === 'demo' ? undefined : rewardToken],
    ['--operator', parameters.operator],
    ['--governance', parameters.governance],
  ] as const) {
    if (value !== undefined && !isAddress(value)) throw new DeployError(`${name} is not an address: "${value}"`);
  }
  const chain = defineChain({
    id: chainId,
    name: `Chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const client = createPublicClient({ chain, transport: http(rpcUrl) });
  const account = privateKeyToAccount(deployerKey);
  const wallet = createWalletClient({ account, chain, transport: http(rpcUrl) });

  const actual = await client.getChainId();
  if (actual !== chainId) throw new DeployError(`The node at ${rpcUrl} is chain ${actual}, not ${chainId}.`);
  if ((await client.getCode({ address: MULTICALL3 })) === undefined) {
    throw new DeployError(
      `Chain ${chainId} has no Multicall3 at ${MULTICALL3}: OwnChart reads through it. Deploy it first.`,
    );
  }

  const gas: Record<string, bigint> = {};
  let deployBlock: bigint | null = null;
  async function deploy(name: string, abi: Abi, bytecode: Hex, args: readonly unknown[] = []): Promise<Address> {
    const hash = await wallet.deployContract({ abi, bytecode, args });
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success' || !receipt.contractAddress) {
      throw new DeployError(`Deploying ${name} failed (transaction ${hash}).`);
    }
    gas[name] = receipt.gasUsed;
    deployBlock ??= receipt.blockNumber;
    return getAddress(receipt.contractAddress);
  }

  const accessRegistry = await deploy('AccessRegistry', accessRegistryAbi, accessRegistryBytecode);
  const keyDirectory = await deploy('KeyDirectory', keyDirectoryAbi, keyDirectoryBytecode);
  const recordRoots = await deploy('RecordRoots', recordRootsAbi, recordRootsBytecode, [accessRegistry]);
  const researchStudies = await deploy('ResearchStudies', researchStudiesAbi, researchStudiesBytecode);
  const token =
    rewardToken === 'demo'
      ? await deploy('DemoStableToken', demoStableTokenAbi, demoStableTokenBytecode, [account.address, 10n ** 12n])
      : getAddress(rewardToken);
  const disclosureAnchors = await deploy('DisclosureAnchors', disclosureAnchorsAbi, disclosureAnchorsBytecode, [
    parameters.operator ?? account.address,
  ]);
  const emergencyAccess = await deploy('EmergencyAccess', emergencyAccessAbi, emergencyAccessBytecode, [
    parameters.governance ?? account.address,
  ]);

  const deployment: Deployment = {
    AccessRegistry: accessRegistry,
    KeyDirectory: keyDirectory,
    RecordRoots: recordRoots,
    ResearchStudies: researchStudies,
    RewardToken: token,
    DisclosureAnchors: disclosureAnchors,
    EmergencyAccess: emergencyAccess,
    deployBlock: Number(deployBlock),
  };
  await mkdir(outDir, { recursive: true });
  await writeFile(file, `${JSON.stringify(deployment, null, 2)}\n`);
  await writeAddressIndex(outDir);
  return { deployment, file, gas };
}

/**
 * `<dir>/index.ts`: every `<chainId>.json` beside it, by chain id, for contracts-abi/addresses.ts.
 * The deployments are written into it as literals, not imported as JSON, so every loader reads it
 * (Next, tsx, Playwright's, Node's own ESM, which needs import attributes for JSON).
 */
export async function writeAddressIndex(dir: string): Promise<void> {
  const ids = (await readdir(dir))
    .flatMap((name) => (/^\d+\.json$/.test(name) ? [name.slice(0, -'.json'.length)] : []))
    .sort((a, b) => Number(a) - Number(b));
  const entries = await Promise.all(
    ids.map(async (id) => {
      const deployment = JSON.parse(await readFile(path.join(dir, `${id}.json`), 'utf8')) as Deployment;
      return `  '${id}': ${JSON.stringify(deployment, null, 2).replace(/\n/g, '\n  ')},`;
    }),
  );
  const lines = [
    '// Written by scripts/deploy.ts (npm run deploy) from the <chainId>.json files beside it: edit those.',
    "import type { Deployment } from '../addresses';",
    '',
    '/** Every deployment this repository knows, by chain id. */',
    'export const chainDeployments: Record<string, Deployment> = {',
    ...entries,
    '};',
    '',
  ];
  await writeFile(path.join(dir, 'index.ts'), lines.join('\n'));
}
