'use client';

import type { Address } from 'viem';
import { PublishStudyForm } from '@/components/research/PublishStudyForm';
import { ResearcherStudy } from '@/components/research/ResearcherStudy';
import { useRewardToken, useStudies, useTokenBalance } from '@/components/hooks/useResearchQueries';
import { QueryErrorBanner } from '@/components/ui/QueryErrorBanner';
import { VaultGate } from '@/components/vault/VaultGate';
import { WalletGate } from '@/components/wallet/WalletGate';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import { formatTokenAmount } from '@/lib/format/formatTokenAmount';

function Console({ researcher, keys }: { researcher: Address; keys: EncryptionKeyPair }) {
  const rewardToken = chainConfig.research?.rewardToken;
  const token = useRewardToken(rewardToken);
  const balance = useTokenBalance(rewardToken, researcher);
  const studies = useStudies(undefined);
  const mine = studies.data?.studies.filter((s) => s.researcher === researcher) ?? [];

  if (!chainConfig.research) return <p>Research studies are not available on this network.</p>;
  if (token.isError)
    return <QueryErrorBanner error={token.error} onRetry={() => token.refetch()} what="the reward token" />;
  if (!token.data) return <p role="status">Loading…</p>;
  return (
    <div className="space-y-6">
      <p>
        Your balance: {balance.data !== undefined ? formatTokenAmount(balance.data, token.data) : '…'}. Contributions
        are sealed in patients’ browsers to your encryption key; only you can open them.
      </p>
      <PublishStudyForm token={token.data} />
      <section aria-labelledby="my-studies-heading" className="space-y-4">
        <h2 id="my-studies-heading" className="text-2xl font-semibold">
          My studies
        </h2>
        {studies.isPending && <p role="status">Loading your studies…</p>}
        {studies.isError && <QueryErrorBanner error={studies.error} onRetry={() => studies.refetch()} what="studies" />}
        {studies.data && mine.length === 0 && <p>You have not published a study yet.</p>}
        {mine.map((study) => (
          <ResearcherStudy
            key={String(study.id)}
            study={study}
            researcher={researcher}
            keys={keys}
            token={token.data}
            chainTime={studies.data!.chainTime}
          />
        ))}
      </section>
    </div>
  );
}

export function ResearchConsole() {
  return (
    <WalletGate purpose="run research studies">
      {(address) => (
        <VaultGate account={address} purpose="run studies (your encryption key is the key patients seal data to)">
          {(keys) => <Console researcher={address} keys={keys} />}
        </VaultGate>
      )}
    </WalletGate>
  );
}
