import type { Address, Hash } from 'viem';
import { demoStableTokenAbi, researchStudiesAbi } from '../../contracts-abi';
import { defineAction } from '../chain/contractAction';
import type { ChainConfig } from '../chain/readChainConfig';
import { formatTokenAmount } from '../format/formatTokenAmount';
import type { ParsedStudy } from './parseStudyForm';
import { researchKeys } from './queryKeys';
import { researchContracts, type Study, type TokenInfo } from './readStudies';

/** Every research write changes budgets, standings or balances: refresh all research reads. */
const afterResearchChange = (config: ChainConfig) => [researchKeys.all(config.chain.id)];

/** The researcher publishes a study whose description and consent documents are already stored. */
export function publishStudy(
  config: ChainConfig,
  { study, documents }: { study: ParsedStudy; documents: readonly [Hash, Hash] },
) {
  const { studies, rewardToken } = researchContracts(config);
  return defineAction({
    label: `publishing “${study.description.title}”`,
    address: studies,
    abi: researchStudiesAbi,
    functionName: 'publish',
    args: [rewardToken, study.reward, study.cap, study.endsAt, study.categories, documents[0], documents[1]],
    invalidates: afterResearchChange(config),
  });
}

/** Step 1 of funding: the researcher lets the study contract take `amount` of the reward token. */
export function approveFunding(
  config: ChainConfig,
  { study, amount, token }: { study: Study; amount: bigint; token: TokenInfo },
) {
  return defineAction({
    label: `step 1 of 2: approving ${formatTokenAmount(amount, token)} for the study contract`,
    address: study.token,
    abi: demoStableTokenAbi,
    functionName: 'approve',
    args: [researchContracts(config).studies, amount],
    invalidates: afterResearchChange(config),
  });
}

/** Step 2 of funding: the deposit into the study's escrow. */
export function fundStudy(
  config: ChainConfig,
  { study, amount, token }: { study: Study; amount: bigint; token: TokenInfo },
) {
  return defineAction({
    label: `step 2 of 2: depositing ${formatTokenAmount(amount, token)} into escrow`,
    address: researchContracts(config).studies,
    abi: researchStudiesAbi,
    functionName: 'fund',
    args: [study.id, amount],
    invalidates: afterResearchChange(config),
  });
}

/** The researcher ends enrolment and contributions, reclaiming what is not owed. */
export function closeStudy(config: ChainConfig, { study, token }: { study: Study; token: TokenInfo }) {
  return defineAction({
    label: `closing the study and reclaiming ${formatTokenAmount(study.escrow, token)}`,
    address: researchContracts(config).studies,
    abi: researchStudiesAbi,
    functionName: 'close',
    args: [study.id],
    invalidates: afterResearchChange(config),
  });
}

/** The researcher takes back a closed study's unowed escrow. */
export function reclaimEscrow(config: ChainConfig, { study, token }: { study: Study; token: TokenInfo }) {
  return defineAction({
    label: `reclaiming ${formatTokenAmount(study.escrow, token)}`,
    address: researchContracts(config).studies,
    abi: researchStudiesAbi,
    functionName: 'reclaim',
    args: [study.id],
    invalidates: afterResearchChange(config),
  });
}

/** The researcher accepts (and pays for) or rejects one patient's contribution. */
export function reviewContribution(
  config: ChainConfig,
  { study, patient, accept }: { study: Study; patient: Address; accept: boolean },
) {
  return defineAction({
    label: `${accept ? 'accepting' : 'rejecting'} the contribution`,
    address: researchContracts(config).studies,
    abi: researchStudiesAbi,
    functionName: 'review',
    args: [study.id, patient, accept],
    invalidates: afterResearchChange(config),
  });
}

/** The patient consents to a study: its consent document's hash is what they agree to. */
export function enrolInStudy(config: ChainConfig, { study, title }: { study: Study; title: string }) {
  return defineAction({
    label: `joining “${title}”`,
    address: researchContracts(config).studies,
    abi: researchStudiesAbi,
    functionName: 'enrol',
    args: [study.id, study.consentHash],
    invalidates: afterResearchChange(config),
  });
}

/** The patient anchors their sealed, de-identified contribution. */
export function anchorContribution(
  config: ChainConfig,
  { study, contentHash, resources }: { study: Study; contentHash: Hash; resources: number },
) {
  return defineAction({
    label: `anchoring your contribution (${resources} de-identified resources)`,
    address: researchContracts(config).studies,
    abi: researchStudiesAbi,
    functionName: 'contribute',
    args: [study.id, contentHash],
    invalidates: afterResearchChange(config),
  });
}

/** The patient claims an accepted contribution's reward. */
export function claimReward(config: ChainConfig, { study, token }: { study: Study; token: TokenInfo }) {
  return defineAction({
    label: `claiming ${formatTokenAmount(study.reward, token)}`,
    address: researchContracts(config).studies,
    abi: researchStudiesAbi,
    functionName: 'claim',
    args: [study.id],
    invalidates: afterResearchChange(config),
  });
}

/** The patient withdraws consent: nothing new is shared from now on. */
export function withdrawConsent(config: ChainConfig, { study }: { study: Study }) {
  return defineAction({
    label: 'withdrawing your consent',
    address: researchContracts(config).studies,
    abi: researchStudiesAbi,
    functionName: 'withdraw',
    args: [study.id],
    invalidates: afterResearchChange(config),
  });
}
