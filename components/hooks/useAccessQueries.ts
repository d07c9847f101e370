'use client';

import { skipToken, useQuery } from '@tanstack/react-query';
import type { Address, PublicClient } from 'viem';
import { usePublicClient } from 'wagmi';
import { granteesQueryOptions, historyQueryOptions, patientsQueryOptions } from '@/lib/access/accessQueryOptions';
import { accessKeys } from '@/lib/access/queryKeys';
import { chainConfig } from '@/lib/chain/chainConfig';

const chainId = chainConfig.chain.id;

function useClient(): PublicClient | undefined {
  return usePublicClient() as PublicClient | undefined;
}

/** The patient's grants, with the chain time they were read at. */
export function useGrantees(patient: Address | undefined) {
  const client = useClient();
  return useQuery(
    client && patient
      ? granteesQueryOptions(client, chainConfig, patient)
      : { queryKey: accessKeys.grantees(chainId, '0x'), queryFn: skipToken },
  );
}

/** The grants made to this clinician. */
export function usePatients(grantee: Address | undefined) {
  const client = useClient();
  return useQuery(
    client && grantee
      ? patientsQueryOptions(client, chainConfig, grantee)
      : { queryKey: accessKeys.patients(chainId, '0x'), queryFn: skipToken },
  );
}

/** The patient's grant, change and revocation events, newest first. */
export function useAccessHistory(patient: Address | undefined) {
  const client = useClient();
  return useQuery(
    client && patient
      ? historyQueryOptions(client, chainConfig, patient)
      : { queryKey: accessKeys.history(chainId, '0x'), queryFn: skipToken },
  );
}
