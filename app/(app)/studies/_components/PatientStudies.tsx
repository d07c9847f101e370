'use client';

import type { Address } from 'viem';
import { EarningsSummary } from '@/components/research/EarningsSummary';
import { PatientStudy } from '@/components/research/PatientStudy';
import { studyState } from '@/components/research/StudyFacts';
import { useRewardToken, useStudies } from '@/components/hooks/useResearchQueries';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { VaultGate } from '@/components/vault/VaultGate';
import { WalletGate } from '@/components/wallet/WalletGate';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';

function Studies({ patient, keys }: { patient: Address; keys: EncryptionKeyPair }) {
  const token = useRewardToken(chainConfig.research?.rewardToken);
  const studies = useStudies(patient);
  if (!chainConfig.research) return <p>Research studies are not available on this network.</p>;
  if (studies.isError)
    return <QueryErrorBanner error={studies.error} onRetry={() => studies.refetch()} what="studies" />;
  if (token.isError)
    return <QueryErrorBanner error={token.error} onRetry={() => token.refetch()} what="the reward token" />;
  if (!studies.data || !token.data) return <p role="status">Loading studies…</p>;
  const { chainTime } = studies.data;
  // Open studies, and any study the patient has a part in (even once it has ended or closed).
  const shown = studies.data.studies.filter(
    (s) => studyState(s, chainTime) === 'open' || s.participation?.enrolment !== 'none',
  );
  return (
    <div className="space-y-6">
      <EarningsSummary patient={patient} studies={studies.data.studies} token={token.data} />
      <section aria-labelledby="studies-heading" className="space-y-4">
        <h2 id="studies-heading" className="text-2xl font-semibold">
          Studies
        </h2>
        <p>
          Joining a study shares a de-identified extract of the records it asks for, made and encrypted in this browser
          for the study’s researcher only. You can withdraw at any time.
        </p>
        {shown.length === 0 && <p>No studies are open right now.</p>}
        {shown.map((study) => (
          <PatientStudy
            key={String(study.id)}
            study={study}
            patient={patient}
            keys={keys}
            token={token.data}
            chainTime={chainTime}
          />
        ))}
      </section>
    </div>
  );
}

export function PatientStudies() {
  return (
    <WalletGate purpose="take part in research">
      {(address) => (
        <VaultGate account={address} purpose="take part in research">
          {(keys) => <Studies patient={address} keys={keys} />}
        </VaultGate>
      )}
    </WalletGate>
  );
}
