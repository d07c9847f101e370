import { parseEventLogs, type Address, type Hash, type WalletClient } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { disclosureAnchorsAbi } from '../../contracts-abi';
import { verifyDisclosureLog, type LogAnchor, type VerifyResult } from './disclosureChain';
import type { DisclosureLog } from './DisclosureLog';
import type { Exclusive } from '../db/sqlServerState';

/** Every anchor of the disclosure log on-chain, oldest first (one eth_getLogs). */
export async function readLogAnchors(client: ChainReader, address: Address, fromBlock = 0n): Promise<LogAnchor[]> {
  const logs = await client.getLogs({
    address,
    event: disclosureAnchorsAbi.find((e) => e.type === 'event' && e.name === 'LogAnchored')!,
    fromBlock,
  });
  return parseEventLogs({ abi: disclosureAnchorsAbi, eventName: 'LogAnchored', logs }).map((log) => ({
    count: Number(log.args.count),
    head: log.args.head,
  }));
}

/** Checks the whole log against every anchor on-chain. */
export async function verifyLogAgainstChain(
  log: DisclosureLog,
  client: ChainReader,
  address: Address,
  fromBlock = 0n,
): Promise<VerifyResult> {
  const [entries, anchors] = await Promise.all([log.entries(), readLogAnchors(client, address, fromBlock)]);
  return verifyDisclosureLog(entries, anchors);
}

export type LogAnchorer = {
  /** Anchors the current head now if it is ahead of the chain; returns what the chain holds after. */
  anchorNow(): Promise<{ count: number; head: Hash | null }>;
  /** Anchors when at least `every` entries are not yet anchored; never throws (runs after reads). */
  maybeAnchor(): void;
};

/**
 * The server side of anchoring, with the operator's wallet: one anchoring transaction at a time,
 * periodically (every `every` new entries) and on demand.
 */
export function createLogAnchorer({
  log,
  client,
  wallet,
  address,
  every = 100,
  exclusive,
}: {
  log: DisclosureLog;
  client: ChainReader;
  wallet: WalletClient;
  address: Address;
  every?: number;
  /**
   * Runs one anchoring at a time across servers, answering null where another server is at it
   * (lib/db/sqlServerState.ts sqlExclusive); without it, one at a time in this process only.
   */
  exclusive?: Exclusive;
}): LogAnchorer {
  let running: Promise<{ count: number; head: Hash | null }> | null = null;

  async function latest() {
    const [count, head] = await client.readContract({ address, abi: disclosureAnchorsAbi, functionName: 'latest' });
    return { count: Number(count), head: count === 0n ? null : head };
  }

  async function anchorHere(minimumNew: number) {
    const [head, [anchoredCount, anchoredHead]] = await Promise.all([
      log.head(),
      client.readContract({ address, abi: disclosureAnchorsAbi, functionName: 'latest' }),
    ]);
    if (!head || head.count - Number(anchoredCount) < minimumNew) {
      return { count: Number(anchoredCount), head: anchoredCount === 0n ? null : anchoredHead };
    }
    const hash = await wallet.writeContract({
      address,
      abi: disclosureAnchorsAbi,
      functionName: 'anchor',
      args: [BigInt(head.count), head.hash],
      account: wallet.account!,
      chain: wallet.chain,
    });
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 100 });
    if (receipt.status !== 'success') throw new Error(`Anchoring the disclosure log reverted (${hash})`);
    return { count: head.count, head: head.hash };
  }

  async function anchor(minimumNew: number) {
    if (!exclusive) return anchorHere(minimumNew);
    // Another server is anchoring right now: its transaction covers what this one would send.
    return (await exclusive(() => anchorHere(minimumNew))) ?? latest();
  }

  function once(minimumNew: number) {
    running ??= anchor(minimumNew).finally(() => {
      running = null;
    });
    return running;
  }

  return {
    anchorNow: () => once(1),
    maybeAnchor: () => {
      once(every).catch((error: unknown) => console.error('Anchoring the disclosure log failed:', error));
    },
  };
}
