'use client';

import { useQuery } from '@tanstack/react-query';
import { zeroAddress, type Address } from 'viem';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { EncryptionKeyPair } from '@/lib/crypto/encryptionKeyFromSignature';
import type { ContributionEntry } from '@/lib/research/readStudies';
import {
  contributionsQueryOptions,
  earningsQueryOptions,
  openedContributionQueryOptions,
  rewardTokenQueryOptions,
  studiesQueryOptions,
  studyAllowanceQueryOptions,
  studyDocumentQueryOptions,
  tokenBalanceQueryOptions,
} from '@/lib/research/researchQueryOptions';
import type { ConsentDocument, StudyDescription } from '@/lib/research/studyApi';
import { useChainQuery } from './useChainQuery';

/** Every study, with `account`'s standing in each. */
export function useStudies(account: Address | undefined) {
  return useChainQuery((client) => studiesQueryOptions(client, chainConfig, account));
}

/** One study's contributions, with each contributor's consent standing. */
export function useContributions(studyId: bigint) {
  return useChainQuery((client) => contributionsQueryOptions(client, chainConfig, studyId));
}

/** A reward token's symbol and decimals. */
export function useRewardToken(token: Address | undefined) {
  return useChainQuery((client) => rewardTokenQueryOptions(client, chainConfig, token ?? zeroAddress), Boolean(token));
}

/** `account`'s balance of `token`. */
export function useTokenBalance(token: Address | undefined, account: Address) {
  return useChainQuery(
    (client) => tokenBalanceQueryOptions(client, chainConfig, token ?? zeroAddress, account),
    Boolean(token),
  );
}

/** How much of `token` the study contract may take from `owner`. */
export function useStudyAllowance(token: Address, owner: Address) {
  return useChainQuery((client) => studyAllowanceQueryOptions(client, chainConfig, token, owner));
}

/** When each of the patient's contributions was accepted. */
export function useEarnings(patient: Address) {
  return useChainQuery((client) => earningsQueryOptions(client, chainConfig, patient));
}

/** An accepted contribution, opened with the researcher's key. */
export function useOpenedContribution(studyId: bigint, entry: ContributionEntry, keys: EncryptionKeyPair) {
  return useChainQuery((client) => openedContributionQueryOptions(client, chainConfig, { studyId, entry, keys }));
}

/** A study's description or consent document, verified against its on-chain hash. Immutable. */
export function useStudyDocument<T extends StudyDescription | ConsentDocument>(hash: string) {
  return useQuery(studyDocumentQueryOptions<T>(hash));
}
