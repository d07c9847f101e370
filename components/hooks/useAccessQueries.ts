'use client';

import { zeroAddress, type Address } from 'viem';
import { granteesQueryOptions, historyQueryOptions, patientsQueryOptions } from '@/lib/access/accessQueryOptions';
import { chainConfig } from '@/lib/chain/chainConfig';
import { useChainQuery } from './useChainQuery';

/** The patient's grants, with the chain time they were read at. */
export function useGrantees(patient: Address | undefined) {
  return useChainQuery((client) => granteesQueryOptions(client, chainConfig, patient ?? zeroAddress), Boolean(patient));
}

/** The grants made to this clinician. */
export function usePatients(grantee: Address | undefined) {
  return useChainQuery((client) => patientsQueryOptions(client, chainConfig, grantee ?? zeroAddress), Boolean(grantee));
}

/** The patient's grant, change and revocation events, newest first. */
export function useAccessHistory(patient: Address | undefined) {
  return useChainQuery((client) => historyQueryOptions(client, chainConfig, patient ?? zeroAddress), Boolean(patient));
}
