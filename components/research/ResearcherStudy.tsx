'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { parseUnits, type Address, type PublicClient } from 'viem';
import { usePublicClient } from 'wagmi';
import { demoStableTokenAbi, researchStudiesAbi } from '@/contracts-abi';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { formatTokenAmount } from '@/lib/format/formatTokenAmount';
import { researchKeys } from '@/lib/research/queryKeys';
import { researchContracts, type Study, type TokenInfo } from '@/lib/research/readStudies';
import type { StudyDescription } from '@/lib/research/studyApi';
import { StudyFacts } from './StudyFacts';
import { useStudyDocument } from './useResearch';
import { StudyContributions } from './StudyContributions';
import { useStudyTransactions } from './useStudyTransactions';

function FundStudy({ study, researcher, token }: { study: Study; researcher: Address; token: TokenInfo }) {
  const client = usePublicClient() as PublicClient;
  const { stage, run, busy, invalidates } = useStudyTransactions();
  const [amount, setAmount] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const id = useId();
  const { studies } = researchContracts(chainConfig);
  const allowance = useQuery({
    queryKey: [...researchKeys.all(chainConfig.chain.id), 'allowance', researcher],
    queryFn: () =>
      client.readContract({
        address: study.token,
        abi: demoStableTokenAbi,
        functionName: 'allowance',
        args: [researcher, studies],
      }),
  });
  let value: bigint | null = null;
  try {
    value = amount ? parseUnits(amount.trim(), token.decimals) : null;
  } catch {
    value = null;
  }
  const approved = value !== null && allowance.data !== undefined && allowance.data >= value;

  function check(): bigint | null {
    if (value === null || value <= 0n) {
      setInvalid('Enter an amount greater than zero, such as 500.');
      return null;
    }
    setInvalid(null);
    return value;
  }

  return (
    <div className="space-y-2">
      <h4 className="font-semibold">Add funds</h4>
      <label htmlFor={`${id}-amount`} className="block">
        Amount ({token.symbol})
      </label>
      <input
        id={`${id}-amount`}
        className="input w-48"
        inputMode="decimal"
        value={amount}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => {
          setAmount(e.target.value);
          setInvalid(null);
        }}
      />
      {invalid && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {invalid}
        </p>
      )}
      <ol className="flex flex-wrap gap-3">
        <li>
          <button
            type="button"
            className="btn-secondary"
            disabled={busy || approved}
            onClick={() => {
              const checked = check();
              if (checked !== null) {
                void run({
                  label: `step 1 of 2: approving ${formatTokenAmount(checked, token)} for the study contract`,
                  address: study.token,
                  abi: demoStableTokenAbi,
                  functionName: 'approve',
                  args: [studies, checked],
                  invalidates,
                });
              }
            }}
          >
            {approved ? 'Step 1: approved' : 'Step 1: Approve'}
          </button>
        </li>
        <li>
          <button
            type="button"
            className="btn-primary"
            disabled={busy || !approved}
            onClick={() => {
              const checked = check();
              if (checked !== null) {
                void run({
                  label: `step 2 of 2: depositing ${formatTokenAmount(checked, token)} into escrow`,
                  address: studies,
                  abi: researchStudiesAbi,
                  functionName: 'fund',
                  args: [study.id, checked],
                  invalidates,
                }).then((ok) => ok && setAmount(''));
              }
            }}
          >
            Step 2: Deposit
          </button>
        </li>
      </ol>
      <TransactionStatus stage={stage} />
    </div>
  );
}

/** One of the researcher's studies: budget, funding, contributions and review, dataset, close. */
export function ResearcherStudy({
  study,
  researcher,
  keys,
  token,
  chainTime,
}: {
  study: Study;
  researcher: Address;
  keys: EncryptionKeyPair;
  token: TokenInfo;
  chainTime: number;
}) {
  const description = useStudyDocument<StudyDescription>(study.metadataHash);
  const { stage, run, busy, invalidates } = useStudyTransactions();
  const headingId = useId();
  const title = description.data?.title ?? `Study ${study.id}`;
  return (
    <article aria-labelledby={headingId} className="card space-y-4">
      <h3 id={headingId} className="text-lg font-semibold">
        {title}
      </h3>
      {description.data && <p>{description.data.purpose}</p>}
      <StudyFacts study={study} token={token} chainTime={chainTime} />
      <p>
        <strong>Budget left: </strong>
        {formatTokenAmount(study.escrow, token)} ({study.accepted} contribution{study.accepted === 1 ? '' : 's'}{' '}
        accepted
        {study.reserved > 0n &&
          `; ${formatTokenAmount(study.reserved, token)} set aside for contributions awaiting review`}
        )
      </p>
      {!study.closed && <FundStudy study={study} researcher={researcher} token={token} />}
      <StudyContributions study={study} keys={keys} token={token} />
      {study.closed && study.escrow > 0n && (
        <button
          type="button"
          className="btn-secondary"
          disabled={busy}
          onClick={() =>
            run({
              label: `reclaiming ${formatTokenAmount(study.escrow, token)}`,
              address: researchContracts(chainConfig).studies,
              abi: researchStudiesAbi,
              functionName: 'reclaim',
              args: [study.id],
              invalidates,
            })
          }
        >
          Reclaim {formatTokenAmount(study.escrow, token)}
        </button>
      )}
      {!study.closed && (
        <div className="space-y-2">
          <button
            type="button"
            className="btn-danger"
            disabled={busy}
            onClick={() =>
              run({
                label: `closing the study and reclaiming ${formatTokenAmount(study.escrow, token)}`,
                address: researchContracts(chainConfig).studies,
                abi: researchStudiesAbi,
                functionName: 'close',
                args: [study.id],
                invalidates,
              })
            }
          >
            Close study and reclaim {formatTokenAmount(study.escrow, token)}
          </button>
          <p className="text-sm text-slate-700">
            Closing ends enrolment and contributions. Rewards already accepted stay claimable by patients, and rewards
            set aside for contributions awaiting review stay set aside until you review them.
          </p>
        </div>
      )}
      <TransactionStatus stage={stage} />
    </article>
  );
}
