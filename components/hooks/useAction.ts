'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Hash } from 'viem';
import { useConfig } from 'wagmi';
import { getWalletClient } from 'wagmi/actions';
import { useChainClient } from '@/components/hooks/useChainClient';
import type { ContractAction } from '@/lib/chain/contractAction';
import { sendAndConfirm } from '@/lib/chain/sendAndConfirm';
import { OwnChartError, RpcUnreachableError } from '@/lib/errors/OwnChartError';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';

export type TransactionStage =
  | { status: 'idle' }
  | { status: 'signing'; label: string }
  | { status: 'pending'; label: string; hash: Hash }
  | { status: 'confirmed'; label: string; hash: Hash; durationMs: number }
  | { status: 'failed'; label: string; error: OwnChartError };

/** Sends one action and waits for its receipt; for writes that are a step inside a longer job. */
export function useSendAndConfirm() {
  const config = useConfig();
  const publicClient = useChainClient();
  return useCallback(
    async (call: Pick<ContractAction, 'address' | 'abi' | 'functionName' | 'args'>, onSent?: (hash: Hash) => void) => {
      if (!publicClient) throw new RpcUnreachableError();
      const walletClient = await getWalletClient(config);
      return sendAndConfirm({ publicClient, walletClient, call, onSent });
    },
    [config, publicClient],
  );
}

/**
 * The single write path: simulate → sign → wait for the receipt → invalidate what the action says
 * it changed → report. `send` takes an action (or a function building one) and resolves true once
 * confirmed; `stage` is for `<TransactionStatus>`.
 */
export function useAction() {
  const send = useSendAndConfirm();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<TransactionStage>({ status: 'idle' });

  const invalidate = useCallback(
    async (action: ContractAction) => {
      // In order: a later key's read may reuse an earlier one's fresh answer (key sync reuses grants).
      for (const queryKey of action.invalidates) await queryClient.invalidateQueries({ queryKey });
    },
    [queryClient],
  );

  const sendAction = useCallback(
    async (actionOrBuilder: ContractAction | (() => ContractAction)): Promise<boolean> => {
      let action: ContractAction;
      try {
        action = typeof actionOrBuilder === 'function' ? actionOrBuilder() : actionOrBuilder;
      } catch (error) {
        // Building it can refuse (no EmergencyAccess on this chain): say so where the status goes.
        setStage({ status: 'failed', label: 'this action', error: toOwnChartError(error) });
        return false;
      }
      const { label } = action;
      const started = performance.now();
      setStage({ status: 'signing', label });
      try {
        const hash = await send(action, (sent) => setStage({ status: 'pending', label, hash: sent }));
        await invalidate(action);
        setStage({ status: 'confirmed', label, hash, durationMs: Math.round(performance.now() - started) });
        for (const queryKey of action.followUps ?? []) void queryClient.invalidateQueries({ queryKey });
        return true;
      } catch (error) {
        setStage({ status: 'failed', label, error: toOwnChartError(error) });
        // A refusal may mean our list was stale (e.g. already revoked elsewhere): refresh it.
        await invalidate(action);
        return false;
      }
    },
    [send, invalidate, queryClient],
  );

  const reset = useCallback(() => setStage({ status: 'idle' }), []);
  return { stage, send: sendAction, reset, busy: stage.status === 'signing' || stage.status === 'pending' };
}

export type ActionState = ReturnType<typeof useAction>;
