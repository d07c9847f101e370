import { describeScope } from '@/lib/categories';
import { formatDate } from '@/lib/format/formatDate';
import { formatTokenAmount } from '@/lib/format/formatTokenAmount';
import { chainConfig } from '@/lib/chain/chainConfig';
import { paysInConfiguredToken } from '@/lib/research/paysInConfiguredToken';
import type { Study, TokenInfo } from '@/lib/research/readStudies';
import { AccountName } from '@/components/ui/AccountName';

/** Whether a study is open for joining and contributing, judged at chain time. */
export function studyState(study: Study, chainTime: number): 'open' | 'ended' | 'closed' {
  if (study.closed) return 'closed';
  return chainTime >= study.endsAt ? 'ended' : 'open';
}

const STATE_LABEL = { open: 'Open', ended: 'Ended', closed: 'Closed' } as const;

/** The facts both patients and researchers see about a study. */
export function StudyFacts({ study, token, chainTime }: { study: Study; token: TokenInfo; chainTime: number }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
      <dt className="font-medium">Reward</dt>
      {paysInConfiguredToken(study, chainConfig) ? (
        <dd>{formatTokenAmount(study.reward, token)} per accepted contribution</dd>
      ) : (
        <dd className="text-red-900">
          <span aria-hidden="true">⚠ </span>In a token OwnChart does not recognise (
          <code className="break-all">{study.token}</code>): its value is unknown, and you cannot join through OwnChart.
        </dd>
      )}
      <dt className="font-medium">Asks for</dt>
      <dd>{describeScope(study.categories)}</dd>
      <dt className="font-medium">Enrolment</dt>
      <dd>
        {study.enrolled} of {study.cap} places taken
      </dd>
      <dt className="font-medium">Ends</dt>
      <dd>{formatDate(study.endsAt)}</dd>
      <dt className="font-medium">Status</dt>
      <dd>{STATE_LABEL[studyState(study, chainTime)]}</dd>
      <dt className="font-medium">Researcher</dt>
      <dd>
        <AccountName address={study.researcher} />
      </dd>
    </dl>
  );
}
