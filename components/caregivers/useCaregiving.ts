'use client';

import { skipToken, useQuery } from '@tanstack/react-query';
import { parseEventLogs, type Address, type PublicClient } from 'viem';
import { usePublicClient } from 'wagmi';
import { accessRegistryAbi } from '@/contracts-abi';
import { chainConfig } from '@/lib/chain/chainConfig';

/** Whether `account` is a live caregiver of `patient`. */
export function useIsCaregiver(patient: Address, account: Address) {
  const client = usePublicClient() as PublicClient | undefined;
  return useQuery({
    queryKey: ['caregiving', chainConfig.chain.id, 'is', patient, account],
    queryFn: client
      ? () =>
          client.readContract({
            address: chainConfig.accessRegistry,
            abi: accessRegistryAbi,
            functionName: 'isCaregiver',
            args: [patient, account],
          })
      : skipToken,
  });
}

/** The patients `caregiver` currently acts for: one eth_getLogs, one multicall. */
export function usePatientsCaredFor(caregiver: Address) {
  const client = usePublicClient() as PublicClient | undefined;
  return useQuery({
    queryKey: ['caregiving', chainConfig.chain.id, 'patients', caregiver],
    queryFn: client
      ? async () => {
          const logs = await client.getLogs({
            address: chainConfig.accessRegistry,
            event: accessRegistryAbi.find((e) => e.type === 'event' && e.name === 'CaregiverAppointed')!,
            args: { caregiver },
            fromBlock: chainConfig.deployBlock,
          });
          const patients = [
            ...new Set(
              parseEventLogs({ abi: accessRegistryAbi, eventName: 'CaregiverAppointed', logs }).map(
                (l) => l.args.patient,
              ),
            ),
          ];
          const live = await client.multicall({
            allowFailure: false,
            contracts: patients.map(
              (patient) =>
                ({
                  address: chainConfig.accessRegistry,
                  abi: accessRegistryAbi,
                  functionName: 'isCaregiver',
                  args: [patient, caregiver],
                }) as const,
            ),
          });
          return patients.filter((_, i) => live[i]);
        }
      : skipToken,
  });
}
