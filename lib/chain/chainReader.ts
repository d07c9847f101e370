import {
  getBlock,
  getBlockNumber,
  getContractEvents,
  getLogs,
  multicall,
  readContract,
  simulateContract,
  waitForTransactionReceipt,
} from 'viem/actions';
import type { Client, PublicClient } from 'viem';

/**
 * What OwnChart reads from a chain: the few public actions it uses, not viem's whole public
 * client (whose decorator brings every action, ENS included, into each page's JavaScript). The
 * server's full PublicClient is one too.
 */
export type ChainReader = Pick<
  PublicClient,
  | 'chain'
  | 'request'
  | 'readContract'
  | 'multicall'
  | 'simulateContract'
  | 'getLogs'
  | 'getBlock'
  | 'getBlockNumber'
  | 'getContractEvents'
  | 'waitForTransactionReceipt'
>;

/** A ChainReader over a bare viem client (wagmi's `useClient`), with only those actions. */
export function chainReader(client: Client): ChainReader {
  // viem types each action by the client's chain and account; the reader is chain-agnostic.
  const reader: Record<Exclude<keyof ChainReader, 'chain' | 'request'>, (args: never) => unknown> = {
    readContract: (args) => readContract(client, args),
    multicall: (args) => multicall(client, args),
    simulateContract: (args) => simulateContract(client, args),
    getLogs: (args) => getLogs(client, args),
    getBlock: (args) => getBlock(client, args),
    getBlockNumber: (args) => getBlockNumber(client, args),
    getContractEvents: (args) => getContractEvents(client, args),
    waitForTransactionReceipt: (args) => waitForTransactionReceipt(client, args),
  };
  return { ...reader, chain: client.chain, request: client.request } as unknown as ChainReader;
}
