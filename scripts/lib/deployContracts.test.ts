import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPublicClient, createTestClient, createWalletClient, getAddress, http, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessRegistryAbi, type Deployment } from '../../contracts-abi';
import { multicall3DeployedBytecode } from '../../contracts-abi/bytecode';
import { readAccessHistory } from '../../lib/access/readAccessHistory';
import { readChainConfig } from '../../lib/chain/readChainConfig';
import { DEMO_ACCOUNTS } from '../../lib/wallet/demoAccounts';
import { startAnvil, type Anvil } from './anvil';
import { ADDRESSES_DIR, deployContracts, MULTICALL3, writeAddressIndex } from './deployContracts';

// A deployment to a chain that is not the local one: Base Sepolia's id, on a real Anvil.
const BASE_SEPOLIA = 84532;
const deployer = DEMO_ACCOUNTS[3]!;
const patient = privateKeyToAccount(DEMO_ACCOUNTS[4]!.privateKey);
let anvil: Anvil;
let outDir: string;

beforeAll(async () => {
  anvil = await startAnvil({ port: 8554, chainId: BASE_SEPOLIA });
  outDir = await mkdtemp(path.join(tmpdir(), 'ownchart-deploy-'));
});

afterAll(async () => {
  await anvil?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const deploy = (overrides: Partial<Parameters<typeof deployContracts>[0]> = {}) =>
  deployContracts({
    rpcUrl: anvil.rpcUrl,
    chainId: BASE_SEPOLIA,
    deployerKey: deployer.privateKey,
    rewardToken: 'demo',
    outDir,
    ...overrides,
  });

describe('npm run deploy', () => {
  it('keeps the committed index in step with the deployment files beside it', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'ownchart-addresses-'));
    try {
      await cp(ADDRESSES_DIR, copy, { recursive: true });
      await writeAddressIndex(copy);
      expect(await readFile(path.join(copy, 'index.ts'), 'utf8'), 'run npm run addresses').toBe(
        await readFile(path.join(ADDRESSES_DIR, 'index.ts'), 'utf8'),
      );
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('refuses a node on another chain, and a chain without Multicall3', async () => {
    await expect(deploy({ chainId: 8453 })).rejects.toThrow(/is chain 84532, not 8453/);
    await expect(deploy()).rejects.toThrow(/no Multicall3/);
  });

  it('deploys every contract, writes the chain’s file, and the app works from it with no code change', async () => {
    const testClient = createTestClient({ mode: 'anvil', transport: http(anvil.rpcUrl) });
    await testClient.setCode({ address: MULTICALL3, bytecode: multicall3DeployedBytecode });
    const { deployment, file, gas } = await deploy();
    expect(file).toBe(path.join(outDir, `${BASE_SEPOLIA}.json`));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(deployment);
    expect(Object.keys(gas)).toHaveLength(7);
    expect(await readFile(path.join(outDir, 'index.ts'), 'utf8')).toContain(`'${BASE_SEPOLIA}': {`);

    // Configured as the app is, by chain id, RPC URL and the deployment's addresses.
    const config = readChainConfig({
      chainId: String(BASE_SEPOLIA),
      rpcUrl: anvil.rpcUrl,
      accessRegistry: deployment.AccessRegistry,
      recordRoots: deployment.RecordRoots,
      deployBlock: String(deployment.deployBlock),
    });
    const client = createPublicClient({ chain: config.chain, transport: http(anvil.rpcUrl) });
    const wallet = createWalletClient({ account: patient, chain: config.chain, transport: http(anvil.rpcUrl) });
    const grantee: Address = '0x00000000000000000000000000000000000000aa';
    await client.waitForTransactionReceipt({
      hash: await wallet.writeContract({
        address: deployment.AccessRegistry,
        abi: accessRegistryAbi,
        functionName: 'grant',
        args: [patient.address, grantee, 1, 1, 0],
      }),
    });
    const history = await readAccessHistory(client, config, patient.address);
    expect(history.map((e) => [e.kind, e.grantee])).toEqual([['granted', getAddress(grantee)]]);
  });

  it('will not overwrite a chain already deployed to unless told to', async () => {
    const file = path.join(outDir, `${BASE_SEPOLIA}.json`);
    const before = JSON.parse(await readFile(file, 'utf8')) as Deployment;
    await expect(deploy()).rejects.toThrow(/already deployed to/);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(before);
    const again = (await deploy({ replace: true })).deployment;
    expect(again.AccessRegistry).not.toBe(before.AccessRegistry);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(again);
  });
});
