'use client';

import { useTransactor } from '@/components/hooks/useTransactor';
import { chainConfig } from '@/lib/chain/chainConfig';
import { researchKeys } from '@/lib/research/queryKeys';

/** The transactor for a researcher's study writes: every one refreshes the research reads. */
export function useStudyTransactions() {
  const transactor = useTransactor();
  const invalidates = [researchKeys.all(chainConfig.chain.id)];
  return { ...transactor, invalidates };
}
