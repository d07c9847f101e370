import { createPublicClient, http, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnvil, type Anvil } from '../../scripts/lib/anvil';
import { readChainConfig, type ChainConfig } from '../chain/readChainConfig';
import { createKeyProvider } from './createKeyProvider';
import { demoAccount } from './demoAccounts';

let anvil: Anvil;
let config: ChainConfig;
const patient = demoAccount('Patient');

beforeAll(async () => {
  anvil = await startAnvil({ port: 8548 });
  config = readChainConfig({ rpcUrl: anvil.rpcUrl });
});
afterAll(() => anvil?.stop());

describe('createKeyProvider', () => {
  it('hides the account until the site asks for it, like a wallet', async () => {
    const provider = createKeyProvider({ privateKey: patient.privateKey, chain: config.chain, rpcUrl: anvil.rpcUrl });
    expect(await provider.request({ method: 'eth_accounts' })).toEqual([]);
    expect(await provider.request({ method: 'eth_requestAccounts' })).toEqual([patient.address]);
    expect(await provider.request({ method: 'eth_accounts' })).toEqual([patient.address]);
  });

  it('signs transactions locally and sends them raw', async () => {
    const provider = createKeyProvider({ privateKey: patient.privateKey, chain: config.chain, rpcUrl: anvil.rpcUrl });
    const to = demoAccount('Clinician').address;
    const hash = (await provider.request({
      method: 'eth_sendTransaction',
      params: [{ from: patient.address, to, value: `0x${parseEther('1').toString(16)}` }],
    })) as `0x${string}`;
    const client = createPublicClient({ chain: config.chain, transport: http(anvil.rpcUrl) });
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    expect(receipt.status).toBe('success');
    expect(receipt.from.toLowerCase()).toBe(patient.address.toLowerCase());
  });

  it('rejects with EIP-1193 code 4001 when the user declines', async () => {
    const provider = createKeyProvider({
      privateKey: patient.privateKey,
      chain: config.chain,
      rpcUrl: anvil.rpcUrl,
      approve: () => false,
    });
    await expect(
      provider.request({ method: 'eth_sendTransaction', params: [{ to: patient.address }] }),
    ).rejects.toMatchObject({ code: 4001 });
  });

  it('switches only to the chain it knows, and says so', async () => {
    const provider = createKeyProvider({
      privateKey: patient.privateKey,
      chain: config.chain,
      rpcUrl: anvil.rpcUrl,
      initialChainId: 1,
    });
    const changes: unknown[] = [];
    provider.on('chainChanged', (id) => changes.push(id));
    expect(await provider.request({ method: 'eth_chainId' })).toBe('0x1');
    await expect(
      provider.request({ method: 'eth_sendTransaction', params: [{ to: patient.address }] }),
    ).rejects.toMatchObject({ code: 4901 });
    await provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x7a69' }] });
    expect(changes).toEqual(['0x7a69']);
    await expect(
      provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x5' }] }),
    ).rejects.toMatchObject({ code: 4902 });
  });
});
