import type { Account, Chain, Hash, TransactionReceipt, Transport, WalletClient } from 'viem';
import type { ChainReader } from './chainReader';
import { ContractRefusedError, TransactionRevertedError } from '../errors/OwnChartError';
import { toOwnChartError } from '../errors/toOwnChartError';
import type { ContractAction } from './contractAction';

export type SendAndConfirmParameters = {
  publicClient: ChainReader;
  walletClient: WalletClient<Transport, Chain, Account>;
  call: Pick<ContractAction, 'address' | 'abi' | 'functionName' | 'args'>;
  /** Learns the hash once the wallet has signed and sent. */
  onSent?: (hash: Hash) => void;
};

/**
 * Simulates (a refusal is decoded before the wallet opens), signs, sends and waits for the
 * receipt. A transaction that passed simulation can still revert once mined (the state moved in
 * between: a second tab revoked first); then the call is replayed at the receipt's block so the
 * patient reads the contract's reason as a sentence, not "failed".
 */
export async function sendAndConfirm({
  publicClient,
  walletClient,
  call,
  onSent,
}: SendAndConfirmParameters): Promise<Hash> {
  const request = { ...call, account: walletClient.account } as never;
  const { request: prepared } = await publicClient.simulateContract(request);
  const hash = await walletClient.writeContract(prepared);
  onSent?.(hash);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status === 'reverted') throw await explainRevert(publicClient, request, receipt);
  return hash;
}

async function explainRevert(publicClient: ChainReader, request: never, receipt: TransactionReceipt) {
  try {
    await publicClient.simulateContract({ ...(request as object), blockNumber: receipt.blockNumber } as never);
  } catch (error) {
    const explained = toOwnChartError(error);
    if (explained instanceof ContractRefusedError) return explained;
  }
  return new TransactionRevertedError(receipt.transactionHash);
}
