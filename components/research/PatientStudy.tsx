'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Address } from 'viem';
import { useAction } from '@/components/hooks/useAction';
import { useChainClient } from '@/components/hooks/useChainClient';
import { useStudyDocument } from '@/components/hooks/useResearchQueries';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { TransactionButton } from '@/components/ui/TransactionButton';
import { TransactionStatus } from '@/components/ui/TransactionStatus';
import { describeScope } from '@/lib/categories';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { RpcUnreachableError, type OwnChartError } from '@/lib/errors/OwnChartError';
import { toOwnChartError } from '@/lib/errors/toOwnChartError';
import { formatTokenAmount } from '@/lib/format/formatTokenAmount';
import { anchorContribution, claimReward, enrolInStudy, withdrawConsent } from '@/lib/research/actions';
import { STRIPPED_FROM_EXTRACTS } from '@/lib/research/deidentify';
import { paysInConfiguredToken } from '@/lib/research/paysInConfiguredToken';
import { prepareContribution } from '@/lib/research/prepareContribution';
import type { Study, TokenInfo } from '@/lib/research/readStudies';
import { uploadContribution, type ConsentDocument, type StudyDescription } from '@/lib/research/studyApi';
import { registeredPublicKey } from '@/lib/vault/registeredKey';
import { openedResources } from '@/lib/vault/openedResources';
import { vaultRecordsQueryOptions } from '@/lib/vault/vaultQueryOptions';
import { StudyFacts, studyState } from './StudyFacts';

const CONTRIBUTION_STATUS = {
  none: 'Not contributed yet',
  submitted: 'Contributed, awaiting the researcher’s review',
  accepted: 'Accepted',
  rejected: 'Not accepted by the researcher',
} as const;

/** One study as a patient meets it: read, consent, contribute, claim, withdraw. */
export function PatientStudy({
  study,
  patient,
  keys,
  token,
  chainTime,
}: {
  study: Study;
  patient: Address;
  keys: EncryptionKeyPair;
  token: TokenInfo;
  chainTime: number;
}) {
  const client = useChainClient();
  const queryClient = useQueryClient();
  const description = useStudyDocument<StudyDescription>(study.metadataHash);
  const consent = useStudyDocument<ConsentDocument>(study.consentHash);
  const tx = useAction();
  const [preparing, setPreparing] = useState<string | null>(null);
  const [failure, setFailure] = useState<OwnChartError | null>(null);
  const headingId = useId();
  const standing = study.participation!;
  // A study paying in an unrecognised token may promise anything: it cannot be joined from here.
  const open = studyState(study, chainTime) === 'open' && paysInConfiguredToken(study, chainConfig);
  const title = description.data?.title ?? `Study ${study.id}`;

  async function contribute() {
    setFailure(null);
    try {
      if (!client) throw new RpcUnreachableError();
      const prepared = await prepareContribution(
        { study, patient, keys },
        {
          readRecords: async () => {
            const { records } = await queryClient.fetchQuery(
              vaultRecordsQueryOptions(client, chainConfig, { patient, reader: patient, keys }),
            );
            return openedResources(records);
          },
          researcherPublicKey: (researcher) => registeredPublicKey(client, chainConfig, researcher),
          upload: uploadContribution,
          onProgress: setPreparing,
        },
      );
      setPreparing(null);
      await tx.send(anchorContribution(chainConfig, { study, ...prepared }));
    } catch (error) {
      setPreparing(null);
      setFailure(toOwnChartError(error));
    }
  }

  return (
    <article aria-labelledby={headingId} className="card space-y-3">
      <h3 id={headingId} className="text-lg font-semibold">
        {title}
      </h3>
      {description.data && (
        <>
          <p>{description.data.purpose}</p>
          {description.data.eligibility && <p>Who may join: {description.data.eligibility}</p>}
        </>
      )}
      <StudyFacts study={study} token={token} chainTime={chainTime} />

      {standing.enrolment !== 'none' && (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 p-3">
          <dt className="font-medium">Your consent</dt>
          <dd>{standing.enrolment === 'enrolled' ? 'Given' : 'Withdrawn: nothing new is shared'}</dd>
          <dt className="font-medium">Your contribution</dt>
          <dd>{CONTRIBUTION_STATUS[standing.contribution]}</dd>
          <dt className="font-medium">Your reward</dt>
          <dd>
            {standing.contribution !== 'accepted'
              ? 'None yet'
              : standing.claimed
                ? `${formatTokenAmount(study.reward, token)} claimed`
                : `${formatTokenAmount(study.reward, token)} to claim`}
          </dd>
        </dl>
      )}

      {standing.enrolment === 'none' && open && study.enrolled < study.cap && (
        <details className="space-y-2">
          <summary className="cursor-pointer font-medium">Read the consent document and join</summary>
          <div className="mt-2 space-y-2">
            <section aria-label="Consent document" className="whitespace-pre-line rounded-md bg-slate-50 p-3">
              {consent.data?.text ?? 'Loading the consent document…'}
            </section>
            <p>
              <strong>What would be shared:</strong> a de-identified extract of your {describeScope(study.categories)}.
            </p>
            <div>
              <strong>What is removed first, in your browser:</strong>
              <ul className="list-disc pl-6">
                {STRIPPED_FROM_EXTRACTS.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </div>
            <TransactionButton
              tx={tx}
              className="btn-primary"
              disabled={!consent.data}
              action={() => enrolInStudy(chainConfig, { study, title })}
            >
              I consent: join study
            </TransactionButton>
          </div>
        </details>
      )}

      <div className="flex flex-wrap gap-3">
        {standing.enrolment === 'enrolled' && standing.contribution === 'none' && open && (
          <button type="button" className="btn-primary" disabled={tx.busy || preparing !== null} onClick={contribute}>
            Contribute de-identified data
          </button>
        )}
        {standing.contribution === 'accepted' && !standing.claimed && (
          <TransactionButton tx={tx} className="btn-primary" action={() => claimReward(chainConfig, { study, token })}>
            Claim {formatTokenAmount(study.reward, token)}
          </TransactionButton>
        )}
        {standing.enrolment === 'enrolled' && (
          <TransactionButton tx={tx} className="btn-danger" action={() => withdrawConsent(chainConfig, { study })}>
            Withdraw consent
          </TransactionButton>
        )}
      </div>
      {standing.enrolment === 'enrolled' && (
        <p className="text-sm text-slate-700">
          Withdrawing stops any further sharing at once. What was already contributed cannot be recalled, and rewards
          already earned stay yours.
        </p>
      )}
      <div role="status" aria-live="polite">
        {preparing && <p>{preparing}</p>}
      </div>
      {failure && <ErrorAlert title="Nothing was contributed.">{failure.shortMessage}</ErrorAlert>}
      <TransactionStatus stage={tx.stage} />
    </article>
  );
}
