import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from './demoAccounts';

describe('DEMO_ACCOUNTS', () => {
  it('pairs each address with its own Anvil key', () => {
    for (const account of DEMO_ACCOUNTS) expect(privateKeyToAccount(account.privateKey).address).toBe(account.address);
  });
});
