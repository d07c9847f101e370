import { describe, expect, it } from 'vitest';
import { readChainConfig } from '../chain/readChainConfig';
import { paysInConfiguredToken } from './paysInConfiguredToken';

describe('paysInConfiguredToken', () => {
  const config = readChainConfig({});
  it('recognises only the configured reward token, whatever the case of the address', () => {
    expect(paysInConfiguredToken({ token: config.research!.rewardToken }, config)).toBe(true);
    expect(paysInConfiguredToken({ token: config.research!.rewardToken.toLowerCase() as `0x${string}` }, config)).toBe(
      true,
    );
    expect(paysInConfiguredToken({ token: '0x000000000000000000000000000000000000dEaD' }, config)).toBe(false);
  });
});
