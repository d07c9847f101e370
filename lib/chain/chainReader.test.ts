import { createClient, custom, encodeFunctionResult, parseAbi } from 'viem';
import { foundry } from 'viem/chains';
import { describe, expect, it } from 'vitest';
import { chainReader } from './chainReader';

const abi = parseAbi(['function version() view returns (uint256)']);

describe('chainReader', () => {
  it('reads through the bare client it wraps, and says which chain that is', async () => {
    const asked: string[] = [];
    const client = createClient({
      chain: foundry,
      transport: custom({
        request: async ({ method }: { method: string }) => {
          asked.push(method);
          if (method === 'eth_blockNumber') return '0x2a';
          if (method === 'eth_call') return encodeFunctionResult({ abi, functionName: 'version', result: 7n });
          throw new Error(`unexpected ${method}`);
        },
      }),
    });
    const reader = chainReader(client);
    expect(reader.chain?.id).toBe(foundry.id);
    expect(await reader.getBlockNumber()).toBe(42n);
    expect(
      await reader.readContract({
        address: '0x0000000000000000000000000000000000000001',
        abi,
        functionName: 'version',
      }),
    ).toBe(7n);
    expect(asked).toEqual(['eth_blockNumber', 'eth_call']);
  });
});
