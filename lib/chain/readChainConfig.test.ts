import { describe, expect, it } from 'vitest';
import { ChainConfigError, readChainConfig } from './readChainConfig';

describe('readChainConfig', () => {
  it('defaults to the local Anvil chain and its deterministic deployment', () => {
    const config = readChainConfig({});
    expect(config).toMatchObject({
      isLocal: true,
      rpcUrl: 'http://127.0.0.1:8545',
      accessRegistry: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      recordRoots: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
      keyDirectory: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
      disclosureAnchors: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707',
      emergencyAccess: '0x0165878A594ca255338adfa4d48449f69242Eb8F',
      research: {
        studies: '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9',
        rewardToken: '0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9',
      },
    });
    expect(config.chain.id).toBe(31337);
  });

  it('configures another chain without code changes', () => {
    const config = readChainConfig({
      chainId: '11155111',
      rpcUrl: 'https://rpc.example.org',
      chainName: 'Sepolia',
      accessRegistry: '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc',
      deployBlock: '123',
    });
    expect(config).toMatchObject({
      isLocal: false,
      accessRegistry: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
      recordRoots: null,
      keyDirectory: null,
      research: null,
      disclosureAnchors: null,
      emergencyAccess: null,
      deployBlock: 123n,
    });
    expect(config.chain.name).toBe('Sepolia');
  });

  it('says what is missing for another chain', () => {
    expect(() => readChainConfig({ chainId: '10' })).toThrow(ChainConfigError);
    expect(() => readChainConfig({ chainId: '10', rpcUrl: 'https://x' })).toThrow(
      /NEXT_PUBLIC_ACCESS_REGISTRY_ADDRESS/,
    );
    expect(() => readChainConfig({ chainId: 'abc' })).toThrow(/positive integer/);
  });

  it('reads history from an indexer only when one is named, and refuses one that is not a URL', () => {
    expect(readChainConfig({}).indexerUrl).toBeNull();
    expect(readChainConfig({ indexerUrl: 'http://127.0.0.1:42069/' }).indexerUrl).toBe('http://127.0.0.1:42069');
    expect(() => readChainConfig({ indexerUrl: 'history-server' })).toThrow(/NEXT_PUBLIC_INDEXER_URL/);
  });
});
