'use client';

import { useState } from 'react';
import type { Address } from 'viem';
import { useAction } from '@/components/hooks/useAction';
import { useStudyAllowance } from '@/components/hooks/useResearchQueries';
import { Field } from '@/components/ui/Field';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { chainConfig } from '@/lib/chain/chainConfig';
import { approveFunding, fundStudy } from '@/lib/research/actions';
import { InvalidFundingAmountError, parseFundingAmount } from '@/lib/research/parseFundingAmount';
import type { Study, TokenInfo } from '@/lib/research/readStudies';

/** Adding funds in two steps: approve the study contract, then deposit into escrow. */
export function FundStudy({ study, researcher, token }: { study: Study; researcher: Address; token: TokenInfo }) {
  const tx = useAction();
  const allowance = useStudyAllowance(study.token, researcher);
  const [amount, setAmount] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  let value: bigint | null = null;
  try {
    value = parseFundingAmount(amount, token);
  } catch {
    value = null;
  }
  const approved = value !== null && allowance.data !== undefined && allowance.data >= value;

  function checked(): bigint | null {
    try {
      const parsed = parseFundingAmount(amount, token);
      setInvalid(null);
      return parsed;
    } catch (error) {
      if (!(error instanceof InvalidFundingAmountError)) throw error;
      setInvalid(error.shortMessage);
      return null;
    }
  }

  return (
    <div className="space-y-2">
      <h4 className="font-semibold">Add funds</h4>
      <Field label={`Amount (${token.symbol})`} error={invalid}>
        {(input) => (
          <input
            {...input}
            className="input w-48"
            inputMode="decimal"
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              setInvalid(null);
            }}
          />
        )}
      </Field>
      <ol className="flex flex-wrap gap-3">
        <li>
          <button
            type="button"
            className="btn-secondary"
            disabled={tx.busy || approved}
            onClick={() => {
              const amount = checked();
              if (amount !== null) void tx.send(approveFunding(chainConfig, { study, amount, token }));
            }}
          >
            {approved ? 'Step 1: approved' : 'Step 1: Approve'}
          </button>
        </li>
        <li>
          <button
            type="button"
            className="btn-primary"
            disabled={tx.busy || !approved}
            onClick={async () => {
              const amount = checked();
              if (amount !== null && (await tx.send(fundStudy(chainConfig, { study, amount, token })))) setAmount('');
            }}
          >
            Step 2: Deposit
          </button>
        </li>
      </ol>
      <TransactionStatus stage={tx.stage} />
    </div>
  );
}
