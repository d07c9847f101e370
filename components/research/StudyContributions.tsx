'use client';

import { useState } from 'react';
import type { Address } from 'viem';
import { useAction } from '@/components/hooks/useAction';
import { useChainClient } from '@/components/hooks/useChainClient';
import { useContributions, useOpenedContribution } from '@/components/hooks/useResearchQueries';
import { AccountName } from '@/components/ui/AccountName';
import { downloadFile } from '@/components/ui/downloadFile';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { TransactionButton } from '@/components/ui/TransactionButton';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { RpcUnreachableError, type OwnChartError } from '@/lib/errors/OwnChartError';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';
import { resourceTypeLabel } from '@/lib/fhir/describeResource';
import { summarizeResources } from '@/lib/fhir/summarizeResources';
import { toChartSummary } from '@/lib/fhir/toChartSummary';
import { formatTokenAmount } from '@/lib/format/formatTokenAmount';
import { loadContribution } from '@/lib/research/loadContribution';
import { reviewContribution } from '@/lib/research/actions';
import { buildDataset, datasetContributions, type DatasetFormat } from '@/lib/research/buildDataset';
import type { ContributionEntry, Study, TokenInfo } from '@/lib/research/readStudies';

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
  const opened = useOpenedContribution(study.id, entry, keys);
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
  const tx = useAction();
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        <TransactionButton
          tx={tx}
          className="btn-primary"
          aria-label={`Accept and pay ${formatTokenAmount(study.reward, token)} for the contribution from ${entry.patient}`}
          action={() => reviewContribution(chainConfig, { study, patient: entry.patient, accept: true })}
        >
          Accept and pay {formatTokenAmount(study.reward, token)}
        </TransactionButton>
        <TransactionButton
          tx={tx}
          className="btn-danger"
          aria-label={`Reject the contribution from ${entry.patient}`}
          action={() => reviewContribution(chainConfig, { study, patient: entry.patient, accept: false })}
        >
          Reject
        </TransactionButton>
      </div>
      <TransactionStatus stage={tx.stage} />
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
  const client = useChainClient();
  const contributions = useContributions(study.id);
  const [reviewing, setReviewing] = useState<Address | null>(null);
  const [datasetError, setDatasetError] = useState<OwnChartError | null>(null);
  const [preparing, setPreparing] = useState(false);
  const accepted = datasetContributions(contributions.data ?? []);

  async function download(format: DatasetFormat) {
    setPreparing(true);
    setDatasetError(null);
    try {
      if (!client) throw new RpcUnreachableError();
      const file = await buildDataset(study.id, accepted, format, (entry) =>
        loadContribution(client, chainConfig, {
          studyId: study.id,
          patient: entry.patient,
          contentHash: entry.contentHash,
          researcher: keys,
        }),
      );
      downloadFile(file.name, file.content, file.type);
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
      {datasetError && <ErrorAlert title="The dataset could not be prepared.">{datasetError.shortMessage}</ErrorAlert>}
    </div>
  );
}
