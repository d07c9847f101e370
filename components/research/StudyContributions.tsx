'use client';

import type { Resource } from '@medplum/fhirtypes';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Address, PublicClient } from 'viem';
import { usePublicClient } from 'wagmi';
import { researchStudiesAbi } from '@/contracts-abi';
import { AccountName } from '@/components/ui/AccountName';
import { downloadFile } from '@/components/ui/downloadFile';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import type { OwnChartError } from '@/lib/errors/OwnChartError';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';
import { resourceTypeLabel } from '@/lib/fhir/describeResource';
import { summarizeResources } from '@/lib/fhir/summarizeResources';
import { toChartSummary } from '@/lib/fhir/toChartSummary';
import { formatTokenAmount } from '@/lib/format/formatTokenAmount';
import { loadContribution } from '@/lib/research/loadContribution';
import { researchKeys } from '@/lib/research/queryKeys';
import { researchContracts, type ContributionEntry, type Study, type TokenInfo } from '@/lib/research/readStudies';
import { toCsv, toNdjson } from '@/lib/research/toDataset';
import { useContributions } from './useResearch';
import { useStudyTransactions } from './useStudyTransactions';

const STATUS = { none: '—', submitted: 'Awaiting review', accepted: 'Accepted', rejected: 'Rejected' } as const;

/** An accepted (paid-for) contribution, decrypted in the researcher's browser. */
function ContributionPreview({
  study,
  entry,
  keys,
}: {
  study: Study;
  entry: ContributionEntry;
  keys: EncryptionKeyPair;
}) {
  const client = usePublicClient() as PublicClient;
  const opened = useQuery({
    queryKey: [...researchKeys.all(chainConfig.chain.id), 'contribution', entry.contentHash],
    queryFn: () =>
      loadContribution(client, chainConfig, {
        studyId: study.id,
        patient: entry.patient,
        contentHash: entry.contentHash,
        researcher: keys,
      }),
    staleTime: Infinity,
  });
  const preview = opened.data ? summarizeResources(opened.data) : null;
  const chart = opened.data ? toChartSummary(opened.data) : null;
  return (
    <section aria-label="Contribution" className="space-y-2 rounded-md border border-slate-300 p-3">
      {opened.isPending && <p role="status">Decrypting the contribution…</p>}
      {opened.isError && (
        <QueryErrorBanner error={opened.error} onRetry={() => opened.refetch()} what="the contribution" />
      )}
      {preview && chart && (
        <>
          <p>
            {preview.total} de-identified resources:{' '}
            {preview.byType.map(([type, count]) => `${resourceTypeLabel(type)} ${count}`).join(', ')}.
          </p>
          {chart.activeConditions.length > 0 && (
            <p>
              Conditions: {chart.activeConditions.map((r) => `${r.title} (${r.date ?? 'year unknown'})`).join('; ')}
            </p>
          )}
          {chart.recentLabs.length > 0 && (
            <p>
              Latest measurements:{' '}
              {chart.recentLabs
                .slice(0, 5)
                .map((r) => `${r.title} ${r.detail}`)
                .join('; ')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/**
 * Accept (the reserved reward becomes the patient's) or reject a submitted contribution. The
 * server serves a contribution only once accepted, so the data is never had without the reward.
 */
function ReviewButtons({ study, entry, token }: { study: Study; entry: ContributionEntry; token: TokenInfo }) {
  const { stage, run, busy, invalidates } = useStudyTransactions();
  const review = (accept: boolean) =>
    run({
      label: `${accept ? 'accepting' : 'rejecting'} the contribution`,
      address: researchContracts(chainConfig).studies,
      abi: researchStudiesAbi,
      functionName: 'review',
      args: [study.id, entry.patient, accept],
      invalidates,
    });
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn-primary"
          disabled={busy}
          aria-label={`Accept and pay ${formatTokenAmount(study.reward, token)} for the contribution from ${entry.patient}`}
          onClick={() => review(true)}
        >
          Accept and pay {formatTokenAmount(study.reward, token)}
        </button>
        <button
          type="button"
          className="btn-danger"
          disabled={busy}
          aria-label={`Reject the contribution from ${entry.patient}`}
          onClick={() => review(false)}
        >
          Reject
        </button>
      </div>
      <TransactionStatus stage={stage} />
    </div>
  );
}

/** A study's contributions: review (accept and pay, or reject), open accepted ones, download the dataset. */
export function StudyContributions({
  study,
  keys,
  token,
}: {
  study: Study;
  keys: EncryptionKeyPair;
  token: TokenInfo;
}) {
  const client = usePublicClient() as PublicClient;
  const contributions = useContributions(study.id);
  const [reviewing, setReviewing] = useState<Address | null>(null);
  const [datasetError, setDatasetError] = useState<OwnChartError | null>(null);
  const [preparing, setPreparing] = useState(false);
  // Withdrawn consent closes the data again, paid for or not: the server serves it no more.
  const accepted = contributions.data?.filter((c) => c.status === 'accepted' && c.enrolment === 'enrolled') ?? [];

  async function download(format: 'csv' | 'ndjson') {
    setPreparing(true);
    setDatasetError(null);
    try {
      const extracts: { participant: string; resources: Resource[] }[] = [];
      for (const [index, entry] of accepted.entries()) {
        const resources = await loadContribution(client, chainConfig, {
          studyId: study.id,
          patient: entry.patient,
          contentHash: entry.contentHash,
          researcher: keys,
        });
        extracts.push({ participant: `P${index + 1}`, resources });
      }
      const name = `study-${study.id}-dataset`;
      if (format === 'csv') downloadFile(`${name}.csv`, toCsv(extracts), 'text/csv');
      else downloadFile(`${name}.ndjson`, toNdjson(extracts), 'application/fhir+ndjson');
    } catch (error) {
      setDatasetError(toOwnChartError(error));
    } finally {
      setPreparing(false);
    }
  }

  return (
    <div className="space-y-2">
      <h4 className="font-semibold">Contributions</h4>
      {contributions.isPending && <p role="status">Loading contributions…</p>}
      {contributions.isError && (
        <QueryErrorBanner error={contributions.error} onRetry={() => contributions.refetch()} what="contributions" />
      )}
      {contributions.data?.length === 0 && <p>No contributions yet.</p>}
      {contributions.data?.some((c) => c.status === 'submitted') && (
        <p className="text-sm text-slate-700">
          Each contribution’s reward was set aside when it was submitted. Accepting pays it and opens the data;
          rejecting returns it to the budget, and the data stays closed to you.
        </p>
      )}
      {contributions.data && contributions.data.length > 0 && (
        <table className="w-full text-left">
          <caption className="sr-only">Contributions to this study</caption>
          <thead>
            <tr>
              <th scope="col">Participant</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {contributions.data.map((entry) => (
              <tr key={entry.patient}>
                <td>
                  <AccountName address={entry.patient} />
                </td>
                <td>
                  {STATUS[entry.status]}
                  {entry.enrolment === 'withdrawn' && ' · consent withdrawn'}
                </td>
                <td>
                  {entry.status === 'submitted' && <ReviewButtons study={study} entry={entry} token={token} />}
                  {entry.status === 'accepted' && entry.enrolment === 'enrolled' && (
                    <button
                      type="button"
                      className="btn-secondary"
                      aria-label={`Open the contribution from ${entry.patient}`}
                      onClick={() => setReviewing(entry.patient)}
                    >
                      Open
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reviewing && contributions.data && (
        <ContributionPreview
          study={study}
          entry={contributions.data.find((c) => c.patient === reviewing)!}
          keys={keys}
        />
      )}
      {accepted.length > 0 && (
        <div className="flex flex-wrap gap-3">
          <button type="button" className="btn-secondary" disabled={preparing} onClick={() => download('csv')}>
            Download dataset (CSV)
          </button>
          <button type="button" className="btn-secondary" disabled={preparing} onClick={() => download('ndjson')}>
            Download dataset (FHIR NDJSON)
          </button>
        </div>
      )}
      {datasetError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-950">
          <strong>The dataset could not be prepared. </strong>
          {datasetError.shortMessage}
        </p>
      )}
    </div>
  );
}
