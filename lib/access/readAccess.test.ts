import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  hexToBigInt,
  http,
  type EIP1193RequestFn,
  type Hex,
  type PublicClient,
  type Transport,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessRegistryAbi } from '../../contracts-abi';
import { startAnvil, type Anvil } from '../../scripts/lib/anvil';
import { setupChain } from '../../scripts/lib/setupChain';
import { pagedLogs } from '../chain/pagedLogs';
import { readChainConfig, type ChainConfig } from '../chain/readChainConfig';
import { demoAccount } from '../wallet/demoAccounts';
import { readAccessHistory } from './readAccessHistory';
import { readGrants } from './readGrants';

// Against a real Anvil node: the reads are only as good as their agreement with the contract.
let anvil: Anvil;
let config: ChainConfig;
let client: PublicClient;
const patient = privateKeyToAccount(demoAccount('Patient').privateKey);
const clinician = demoAccount('Clinician', 0).address;
const secondClinician = demoAccount('Clinician', 1).address;

beforeAll(async () => {
  anvil = await startAnvil({ port: 8547 });
  await setupChain(anvil.rpcUrl);
  config = readChainConfig({ rpcUrl: anvil.rpcUrl });
  client = createPublicClient({ chain: config.chain, transport: http(anvil.rpcUrl) }) as PublicClient;
  const wallet = createWalletClient({ account: patient, chain: config.chain, transport: http(anvil.rpcUrl) });
  const send = async (hash: Promise<`0x${string}`>) =>
    client.waitForTransactionReceipt({ hash: await hash, pollingInterval: 50 });
  const registry = { address: config.accessRegistry, abi: accessRegistryAbi } as const;
  const testClient = createTestClient({ mode: 'anvil', chain: config.chain, transport: http(anvil.rpcUrl) });
  await send(
    wallet.writeContract({ ...registry, functionName: 'grant', args: [patient.address, clinician, 0b101, 1, 0] }),
  );
  // History spread over more blocks than a capped node serves at once (see "a node that caps").
  await testClient.mine({ blocks: 12 });
  await send(
    wallet.writeContract({ ...registry, functionName: 'grant', args: [patient.address, secondClinician, 0b1, 2, 0] }),
  );
  await testClient.mine({ blocks: 12 });
  await send(
    wallet.writeContract({ ...registry, functionName: 'grant', args: [patient.address, clinician, 0b1, 1, 0] }),
  );
  await send(wallet.writeContract({ ...registry, functionName: 'revoke', args: [patient.address, secondClinician] }));
  await testClient.mine({ blocks: 1 });
});

/** A node that refuses eth_getLogs over more than `maxBlocks` blocks, as public RPCs do. */
function cappedNode(maxBlocks: bigint): Transport {
  return (parameters) => {
    const inner = http(anvil.rpcUrl)(parameters);
    const request = (async (args: { method: string; params?: unknown }) => {
      if (args.method === 'eth_getLogs') {
        const [{ fromBlock, toBlock }] = args.params as [{ fromBlock: Hex; toBlock: Hex | 'latest' }];
        const to = toBlock === 'latest' ? await client.getBlockNumber() : hexToBigInt(toBlock);
        if (to - hexToBigInt(fromBlock) + 1n > maxBlocks) {
          throw new Error(`query exceeds max block range ${maxBlocks}`);
        }
      }
      return inner.request(args as never);
    }) as EIP1193RequestFn;
    return { ...inner, request };
  };
}

afterAll(() => anvil?.stop());

describe('readGrants', () => {
  it('lists the patient’s unrevoked grants with the chain time of the read', async () => {
    const { grants, chainTime } = await readGrants(client, config, { direction: 'grantees', account: patient.address });
    expect(grants).toEqual([
      {
        counterparty: clinician,
        categories: 0b1,
        permission: 'read',
        grantedAt: expect.any(Number),
        expiresAt: null,
        accepted: false,
      },
    ]);
    const block = await client.getBlock();
    expect(chainTime).toBe(Number(block.timestamp));
  });

  it('lists the grants made to a clinician, with the patient as counterparty', async () => {
    const { grants } = await readGrants(client, config, { direction: 'patients', account: clinician });
    expect(grants.map((g) => g.counterparty)).toEqual([patient.address]);
    expect((await readGrants(client, config, { direction: 'patients', account: secondClinician })).grants).toEqual([]);
  });
});

describe('readAccessHistory', () => {
  it('returns grants, changes and revocations newest first, with times and hashes', async () => {
    const history = await readAccessHistory(client, config, patient.address);
    expect(history.map((e) => [e.kind, e.grantee])).toEqual([
      ['revoked', secondClinician],
      ['updated', clinician],
      ['granted', secondClinician],
      ['granted', clinician],
    ]);
    expect(history[1]).toMatchObject({ categories: 0b1, permission: 'read', expiresAt: null });
    for (const event of history) {
      expect(event.timestamp).toBeGreaterThan(1_600_000_000);
      expect(event.transactionHash).toMatch(/^0x[0-9a-f]{64}$/);
    }
  });

  it('is empty for an account that never granted', async () => {
    expect(await readAccessHistory(client, config, clinician)).toEqual([]);
  });
});

describe('a grantee declining a grant', () => {
  it('ends it in the history as a revoke does, so key versions move and writers are not stopped', async () => {
    const { readKeyVersions } = await import('../vault/readKeyVersions');
    const stranger = privateKeyToAccount(demoAccount('Researcher').privateKey);
    const send = async (
      account: typeof patient,
      call: Parameters<ReturnType<typeof createWalletClient>['writeContract']>[0],
    ) => {
      const wallet = createWalletClient({ account, chain: config.chain, transport: http(anvil.rpcUrl) });
      await client.waitForTransactionReceipt({ hash: await wallet.writeContract(call as never), pollingInterval: 50 });
    };
    const registry = { address: config.accessRegistry, abi: accessRegistryAbi } as const;
    const before = await readKeyVersions(client, config, patient.address);
    await send(patient, {
      ...registry,
      functionName: 'grant',
      args: [patient.address, stranger.address, 1 << 6, 1, 0],
    } as never);
    await send(stranger, { ...registry, functionName: 'renounce', args: [patient.address] } as never);

    const history = await readAccessHistory(client, config, patient.address);
    expect(history[0]).toMatchObject({ kind: 'revoked', grantee: stranger.address, declinedByGrantee: true });
    const after = await readKeyVersions(client, config, patient.address);
    expect(after[6]).toBe(before[6]! + 1);
  });
});

describe('history from a node that caps log ranges at 10 blocks', () => {
  const over = (transport: Transport) => createPublicClient({ chain: config.chain, transport }) as PublicClient;

  it('is refused when read in one range', async () => {
    await expect(readAccessHistory(over(cappedNode(10n)), config, patient.address)).rejects.toThrow(
      /max block range 10/,
    );
  });

  it('reads the same events, in the same order, in pages of 10 blocks', async () => {
    const whole = await readAccessHistory(client, config, patient.address);
    expect(whole.length).toBeGreaterThanOrEqual(4);
    const paged = await readAccessHistory(over(pagedLogs(cappedNode(10n), 10n)), config, patient.address);
    expect(paged).toEqual(whole);
  });
});
