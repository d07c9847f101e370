'use client';

import type { Address } from 'viem';
import { caredForQueryOptions, caregiversQueryOptions } from '@/lib/caregiving/caregivingQueryOptions';
import { chainConfig } from '@/lib/chain/chainConfig';
import { useChainQuery } from './useChainQuery';

/** The patient's live caregivers, with when each appointment ends. */
export function useCaregivers(patient: Address) {
  return useChainQuery((client) => caregiversQueryOptions(client, chainConfig, patient));
}

/** The patients `caregiver` currently acts for. */
export function usePatientsCaredFor(caregiver: Address) {
  return useChainQuery((client) => caredForQueryOptions(client, chainConfig, caregiver));
}
