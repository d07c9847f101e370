'use client';

import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Abi, ContractFunctionArgs, ContractFunctionName, Hash } from 'viem';
import { useConfig, type Config } from 'wagmi';
import { simulateContract, waitForTransactionReceipt, writeContract } from 'wagmi/actions';
import { OwnChartError, TransactionRevertedError } from '@/lib/errors/OwnChartError';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';

export type TransactionStage =
  | { status: 'idle' }
  | { status: 'signing'; label: string }
  | { status: 'pending'; label: string; hash: Hash }
  | { status: 'confirmed'; label: string; hash: Hash; durationMs: number }
  | { status: 'failed'; label: string; error: OwnChartError };

export type TransactionRequest<
  abi extends Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
> = {
  /** What the transaction does, for the status line: "Granting access to 0x12…". */
  label: string;
  address: `0x${string}`;
  abi: abi;
  functionName: functionName;
  args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>;
  /** Queries the receipt makes stale; invalidated before "confirmed" is shown. */
  invalidates: QueryKey[];
};

/**
 * Simulates (a refusal is decoded before the wallet opens), signs, and waits for the receipt;
 * throws if any step fails or the transaction reverted. `onSent` learns the hash once signed.
 */
export async function sendAndConfirm(
  config: Config,
  call: Omit<TransactionRequest<Abi, string>, 'label' | 'invalidates'>,
  onSent?: (hash: Hash) => void,
): Promise<Hash> {
  const { request: prepared } = await simulateContract(config, call as never);
  const hash = await writeContract(config, prepared as never);
  onSent?.(hash);
  const receipt = await waitForTransactionReceipt(config, { hash });
  if (receipt.status === 'reverted') throw new TransactionRevertedError(hash);
  return hash;
}

/**
 * The single write path: simulate (a refusal is decoded before the wallet opens) → sign → wait
 * for the receipt → invalidate the affected queries → report. Exposes each stage for the UI.
 */
export function useTransactor() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<TransactionStage>({ status: 'idle' });

  const run = useCallback(
    async <abi extends Abi, functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
      request: TransactionRequest<abi, functionName>,
    ): Promise<boolean> => {
      const { label, invalidates, ...call } = request;
      const started = performance.now();
      setStage({ status: 'signing', label });
      try {
        const hash = await sendAndConfirm(config, call as never, (sent) =>
          setStage({ status: 'pending', label, hash: sent }),
        );
        await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        setStage({ status: 'confirmed', label, hash, durationMs: Math.round(performance.now() - started) });
        return true;
      } catch (error) {
        const wrapped = toOwnChartError(error);
        setStage({ status: 'failed', label, error: wrapped });
        // A refusal may mean our list was stale (e.g. already revoked elsewhere): refresh it.
        await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        return false;
      }
    },
    [config, queryClient],
  );

  const reset = useCallback(() => setStage({ status: 'idle' }), []);
  return { stage, run, reset, busy: stage.status === 'signing' || stage.status === 'pending' };
}
