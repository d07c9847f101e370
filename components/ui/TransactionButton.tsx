'use client';

import type { ButtonHTMLAttributes } from 'react';
import type { ActionState } from '@/components/hooks/useAction';
import type { ContractAction } from '@/lib/chain/contractAction';

type TransactionButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'type'> & {
  /** The `useAction()` this button reports through (several buttons may share one status line). */
  tx: ActionState;
  /** The write to send; built on click, so it sees the latest props. */
  action: () => ContractAction;
  /** After the receipt confirmed it. */
  onConfirmed?: () => void;
};

/** A button that sends one named action, and stays disabled while any write of `tx` is under way. */
export function TransactionButton({ tx, action, onConfirmed, disabled, children, ...button }: TransactionButtonProps) {
  return (
    <button
      type="button"
      {...button}
      disabled={tx.busy || disabled}
      onClick={async () => {
        if (await tx.send(action)) onConfirmed?.();
      }}
    >
      {children}
    </button>
  );
}
