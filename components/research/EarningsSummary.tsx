'use client';

import type { Address } from 'viem';
import { useEarnings } from '@/components/hooks/useResearchQueries';
import { formatTokenAmount } from '@/lib/format/formatTokenAmount';
import { cumulativeByMonth } from '@/lib/research/readEarnings';
import type { Study, TokenInfo } from '@/lib/research/readStudies';

/** Totals across studies, and a small chart of cumulative earnings by month (with the same data as text). */
export function EarningsSummary({ patient, studies, token }: { patient: Address; studies: Study[]; token: TokenInfo }) {
  const earnings = useEarnings(patient);
  const accepted = studies.filter((s) => s.participation?.contribution === 'accepted');
  const earned = accepted.reduce((sum, s) => sum + s.reward, 0n);
  const claimed = accepted.filter((s) => s.participation?.claimed).reduce((sum, s) => sum + s.reward, 0n);
  const rewardOf = (id: bigint) => studies.find((s) => s.id === id)?.reward ?? 0n;
  const points = earnings.data ? cumulativeByMonth(earnings.data, rewardOf) : [];
  const max = points.at(-1)?.total ?? 0n;

  return (
    <section aria-labelledby="earnings-heading" className="card space-y-3">
      <h2 id="earnings-heading" className="text-xl font-semibold">
        My research rewards
      </h2>
      <dl className="grid grid-cols-3 gap-4 text-center">
        <div>
          <dt>Earned</dt>
          <dd className="text-2xl font-semibold">{formatTokenAmount(earned, token)}</dd>
        </div>
        <div>
          <dt>To claim</dt>
          <dd className="text-2xl font-semibold">{formatTokenAmount(earned - claimed, token)}</dd>
        </div>
        <div>
          <dt>Claimed</dt>
          <dd className="text-2xl font-semibold">{formatTokenAmount(claimed, token)}</dd>
        </div>
      </dl>
      <p className="text-sm text-slate-700">
        Rewards are paid in {token.symbol}, the reward token of this OwnChart network: each study sets its rewards aside
        when it is funded, and Claim sends yours to your account.
      </p>
      {points.length > 0 && (
        <figure>
          <svg viewBox={`0 0 ${points.length * 60} 100`} className="h-32 w-full max-w-md" aria-hidden="true">
            {points.map((point, i) => {
              const height = max === 0n ? 0 : Number((point.total * 80n) / max);
              return (
                <rect key={point.month} x={i * 60 + 10} y={90 - height} width={40} height={height} fill="#1e40af" />
              );
            })}
          </svg>
          <figcaption>
            Earnings over time:{' '}
            {points.map((p) => `${p.month}: ${formatTokenAmount(p.total, token)} in total`).join('; ')}.
          </figcaption>
        </figure>
      )}
    </section>
  );
}
