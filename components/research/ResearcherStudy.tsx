'use client';

import { useId } from 'react';
import type { Address } from 'viem';
import { useAction } from '@/components/hooks/useAction';
import { useStudyDocument } from '@/components/hooks/useResearchQueries';
import { TransactionButton } from '@/components/ui/TransactionButton';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { formatTokenAmount } from '@/lib/format/formatTokenAmount';
import { closeStudy, reclaimEscrow } from '@/lib/research/actions';
import type { Study, TokenInfo } from '@/lib/research/readStudies';
import type { StudyDescription } from '@/lib/research/studyApi';
import { FundStudy } from './FundStudy';
import { StudyContributions } from './StudyContributions';
import { StudyFacts } from './StudyFacts';

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
  const tx = useAction();
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
        <TransactionButton
          tx={tx}
          className="btn-secondary"
          action={() => reclaimEscrow(chainConfig, { study, token })}
        >
          Reclaim {formatTokenAmount(study.escrow, token)}
        </TransactionButton>
      )}
      {!study.closed && (
        <div className="space-y-2">
          <TransactionButton tx={tx} className="btn-danger" action={() => closeStudy(chainConfig, { study, token })}>
            Close study and reclaim {formatTokenAmount(study.escrow, token)}
          </TransactionButton>
          <p className="text-sm text-slate-700">
            Closing ends enrolment and contributions. Rewards already accepted stay claimable by patients, and rewards
            set aside for contributions awaiting review stay set aside until you review them.
          </p>
        </div>
      )}
      <TransactionStatus stage={tx.stage} />
    </article>
  );
}
