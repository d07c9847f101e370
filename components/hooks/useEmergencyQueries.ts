'use client';

import { skipToken, useQuery } from '@tanstack/react-query';
import type { Address } from 'viem';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { RevealedReasons } from '@/lib/emergency/describeWindowReason';
import {
  blockedRespondersQueryOptions,
  emergencyPolicyQueryOptions,
  emergencyReasonsQueryOptions,
  responderInstitutionQueryOptions,
} from '@/lib/emergency/emergencyQueryOptions';
import { useChainQuery } from './useChainQuery';

const deployed = Boolean(chainConfig.emergencyAccess);

/** The patient's emergency policy (categories 0 = not opted in). */
export function useEmergencyPolicy(patient: Address) {
  return useChainQuery((client) => emergencyPolicyQueryOptions(client, chainConfig, patient), deployed);
}

/** The institution `account` responds for, or the zero address. */
export function useResponderInstitution(account: Address) {
  return useChainQuery((client) => responderInstitutionQueryOptions(client, chainConfig, account), deployed);
}

/** The responders the patient has stopped from breaking glass again, each once. */
export function useBlockedResponders(patient: Address) {
  return useChainQuery((client) => blockedRespondersQueryOptions(client, chainConfig, patient));
}

/**
 * The break-glass reasons responders revealed for `patient` (from the server, patient only). A
 * viewer who is not the patient gets `not-patient`, never another person's reasons.
 */
export function useEmergencyReasons(patient: Address, viewer: Address | undefined): RevealedReasons {
  const isPatient = viewer?.toLowerCase() === patient.toLowerCase();
  const options = emergencyReasonsQueryOptions(chainConfig, patient);
  const reasons = useQuery({ ...options, queryFn: isPatient ? options.queryFn : skipToken });
  if (!isPatient) return { status: 'not-patient' };
  if (reasons.isError) return { status: 'failed' };
  return reasons.data ? { status: 'loaded', byCommitment: reasons.data } : { status: 'pending' };
}
