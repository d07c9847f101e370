'use client';

import { skipToken, useQuery } from '@tanstack/react-query';
import type { Address, PublicClient } from 'viem';
import { usePublicClient } from 'wagmi';
import { demoStableTokenAbi } from '@/contracts-abi';
import { chainConfig } from '@/lib/chain/chainConfig';
import { researchKeys } from '@/lib/research/queryKeys';
import { readContributions, readStudies, readToken } from '@/lib/research/readStudies';
import { getStudyDocument, type ConsentDocument, type StudyDescription } from '@/lib/research/studyApi';

const chainId = chainConfig.chain.id;

function useClient() {
  return usePublicClient() as PublicClient | undefined;
}

/** Every study, with `account`'s standing in each. */
export function useStudies(account: Address | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: researchKeys.studies(chainId, account),
    queryFn: client ? () => readStudies(client, chainConfig, account) : skipToken,
  });
}

export function useContributions(studyId: bigint) {
  const client = useClient();
  return useQuery({
    queryKey: researchKeys.contributions(chainId, studyId),
    queryFn: client ? () => readContributions(client, chainConfig, studyId) : skipToken,
  });
}

export function useRewardToken(token: Address | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: researchKeys.token(chainId, token ?? '0x'),
    queryFn: client && token ? () => readToken(client, token) : skipToken,
    staleTime: Infinity,
  });
}

export function useTokenBalance(token: Address | undefined, account: Address) {
  const client = useClient();
  return useQuery({
    queryKey: researchKeys.balance(chainId, token ?? '0x', account),
    queryFn:
      client && token
        ? () =>
            client.readContract({ address: token, abi: demoStableTokenAbi, functionName: 'balanceOf', args: [account] })
        : skipToken,
  });
}

/** A study's description or consent document, verified against its on-chain hash. Immutable. */
export function useStudyDocument<T extends StudyDescription | ConsentDocument>(hash: string) {
  return useQuery({
    queryKey: researchKeys.document(hash),
    queryFn: () => getStudyDocument<T>(hash),
    staleTime: Infinity,
  });
}
