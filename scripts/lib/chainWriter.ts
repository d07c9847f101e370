import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  type Hex,
  type PrivateKeyAccount,
  type PublicClient,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { chainTransport } from '../../lib/chain/chainTransport';
import { readChainConfig, type ChainConfig } from '../../lib/chain/readChainConfig';

export type ChainWriter = {
  config: ChainConfig;
  client: PublicClient;
  account: PrivateKeyAccount;
  wallet: WalletClient<ReturnType<typeof http>, ChainConfig['chain'], PrivateKeyAccount>;
  /** Waits for the transaction `hash` resolves to; throws naming `what` if it reverted. */
  confirm: (hash: Promise<Hex>, what: string) => Promise<void>;
};

/**
 * What every seed script needs to act as one account on the local chain: a public client, a
 * wallet signing with `privateKey`, and "send, wait, fail loudly on revert".
 */
export function chainWriter(rpcUrl: string, privateKey: Hex): ChainWriter {
  const config = readChainConfig({ rpcUrl });
  const account = privateKeyToAccount(privateKey);
  const client = createPublicClient({ chain: config.chain, transport: chainTransport(config) }) as PublicClient;
  const wallet = createWalletClient({ account, chain: config.chain, transport: http(rpcUrl) });
  return {
    config,
    client,
    account,
    wallet,
    confirm: async (hash, what) => {
      const receipt = await client.waitForTransactionReceipt({ hash: await hash, pollingInterval: 50 });
      if (receipt.status !== 'success') throw new Error(`seed transaction reverted: ${what}`);
    },
  };
}

/**
 * The demo's clock: the chain starts `daysAgo` days in the past and each seeded action is dated
 * `day` days into that span, so the history reads like weeks of real use.
 */
export function seedClock(rpcUrl: string, daysAgo: number) {
  const config = readChainConfig({ rpcUrl });
  const testClient = createTestClient({ mode: 'anvil', chain: config.chain, transport: http(rpcUrl) });
  const start = Math.floor(Date.now() / 1000) - daysAgo * 86_400;
  return {
    /** Unix seconds of `day` days (fractions allowed) into the seeded span. */
    time: (day: number) => start + Math.round(day * 86_400),
    /** Dates the next block `day` days into the span. */
    setDay: (day: number) => testClient.setNextBlockTimestamp({ timestamp: BigInt(start + Math.round(day * 86_400)) }),
    /** Brings the chain's clock back to the present. */
    toPresent: async () => {
      await testClient.setNextBlockTimestamp({ timestamp: BigInt(Math.floor(Date.now() / 1000)) });
      await testClient.mine({ blocks: 1 });
    },
  };
}

export type SeedClock = ReturnType<typeof seedClock>;
