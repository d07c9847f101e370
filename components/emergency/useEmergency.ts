'use client';

import { skipToken, useQuery } from '@tanstack/react-query';
import type { Address, PublicClient } from 'viem';
import { usePublicClient } from 'wagmi';
import { emergencyAccessAbi, multicall3Abi } from '@/contracts-abi';
import { chainConfig } from '@/lib/chain/chainConfig';
import type { RevealedReasons } from '@/lib/emergency/describeWindowReason';
import { fetchReasons } from '@/lib/emergency/reasonApi';
import { readBlockedResponders } from '@/lib/emergency/readBlockedResponders';

const chainId = chainConfig.chain.id;
export const emergencyKeys = {
  all: ['emergency', chainId] as const,
  policy: (patient: Address) => ['emergency', chainId, 'policy', patient] as const,
  window: (patient: Address, reader: Address) => ['emergency', chainId, 'window', patient, reader] as const,
  responder: (account: Address) => ['emergency', chainId, 'responder', account] as const,
  reasons: (patient: Address) => ['emergency', chainId, 'reasons', patient] as const,
  blocked: (patient: Address) => ['emergency', chainId, 'blocked', patient] as const,
};

function useClient() {
  return usePublicClient() as PublicClient | undefined;
}

/** The patient's emergency policy (categories 0 = not opted in). */
export function useEmergencyPolicy(patient: Address) {
  const client = useClient();
  const address = chainConfig.emergencyAccess;
  return useQuery({
    queryKey: emergencyKeys.policy(patient),
    queryFn:
      client && address
        ? () => client.readContract({ address, abi: emergencyAccessAbi, functionName: 'policyOf', args: [patient] })
        : skipToken,
  });
}

/** `reader`'s break-glass window on `patient`, with chain time to judge it by: one eth_call. */
export function useEmergencyWindow(patient: Address, reader: Address) {
  const client = useClient();
  const address = chainConfig.emergencyAccess;
  const multicall3 = chainConfig.chain.contracts!.multicall3!.address;
  return useQuery({
    queryKey: emergencyKeys.window(patient, reader),
    queryFn:
      client && address
        ? async () => {
            const [window, now] = await client.multicall({
              allowFailure: false,
              multicallAddress: multicall3,
              contracts: [
                { address, abi: emergencyAccessAbi, functionName: 'windowOf', args: [patient, reader] },
                { address: multicall3, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' },
              ],
            });
            return { ...window, open: Number(now) < window.expiresAt };
          }
        : skipToken,
  });
}

/** The institution `account` responds for, or the zero address. */
export function useResponderInstitution(account: Address) {
  const client = useClient();
  const address = chainConfig.emergencyAccess;
  return useQuery({
    queryKey: emergencyKeys.responder(account),
    queryFn:
      client && address
        ? () =>
            client.readContract({ address, abi: emergencyAccessAbi, functionName: 'institutionOf', args: [account] })
        : skipToken,
  });
}

/**
 * The break-glass reasons responders revealed for `patient` (from the server, patient only). A
 * viewer who is not the patient gets `not-patient`, never another person's reasons.
 */
export function useEmergencyReasons(patient: Address, viewer: Address | undefined): RevealedReasons {
  const isPatient = viewer?.toLowerCase() === patient.toLowerCase();
  const reasons = useQuery({
    queryKey: emergencyKeys.reasons(patient),
    queryFn: isPatient ? () => fetchReasons(patient) : skipToken,
  });
  if (!isPatient) return { status: 'not-patient' };
  if (reasons.isError) return { status: 'failed' };
  return reasons.data ? { status: 'loaded', byCommitment: reasons.data } : { status: 'pending' };
}

/** The responders the patient has stopped from breaking glass again, each once. */
export function useBlockedResponders(patient: Address) {
  const client = useClient();
  return useQuery({
    queryKey: emergencyKeys.blocked(patient),
    queryFn: client ? () => readBlockedResponders(client, chainConfig, patient) : skipToken,
  });
}
