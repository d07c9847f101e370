import { encodeEventTopics, parseEventLogs, type Address, type Hash, type Log } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { accessRegistryAbi, emergencyAccessAbi } from '../../contracts-abi';
import { ALL_CATEGORIES_MASK } from '../categories';
import type { ChainConfig } from '../chain/readChainConfig';
import { permissionFromChain } from './permission';
import type { AccessEvent } from './types';

// A grantee declining a grant (AccessRenounced) ends it exactly as a revoke does.
const EVENT_NAMES = ['AccessGranted', 'AccessUpdated', 'AccessRevoked', 'AccessRenounced'] as const;
const CAREGIVER_EVENTS = ['CaregiverAppointed', 'CaregiverRemoved', 'ActedByCaregiver'] as const;
const KIND = {
  AccessGranted: 'granted',
  AccessUpdated: 'updated',
  AccessRevoked: 'revoked',
  AccessRenounced: 'revoked',
} as const;
const EMERGENCY_EVENTS = [
  'EmergencyAccessOpened',
  'EmergencyAccessEnded',
  'EmergencyPolicySet',
  'EmergencyPolicyCleared',
] as const;
type EmergencyEventName = (typeof EMERGENCY_EVENTS)[number];

/**
 * One patient's access history, newest first: grants, changes, revocations and declines,
 * caregiver appointments and acts, break-glass windows and emergency-policy changes. Two
 * eth_getLogs in parallel, one per contract, each filtered by patient (topic 1) across all its
 * events; then block times, which nodes that put `blockTimestamp` on logs (Anvil does) spare.
 */
export async function readAccessHistory(
  client: ChainReader,
  config: ChainConfig,
  patient: Address,
): Promise<AccessEvent[]> {
  const selectors = [...EVENT_NAMES, ...CAREGIVER_EVENTS].map(
    (eventName) => encodeEventTopics({ abi: accessRegistryAbi, eventName })[0] as Hash,
  );
  const [, patientTopic] = encodeEventTopics({
    abi: accessRegistryAbi,
    eventName: 'AccessRevoked',
    args: { patient },
  });
  const fromBlock = `0x${config.deployBlock.toString(16)}` as const;
  const emergencySelectors = (EMERGENCY_EVENTS as readonly EmergencyEventName[]).map(
    (eventName) => encodeEventTopics({ abi: emergencyAccessAbi, eventName })[0] as Hash,
  );
  // Grants and break-glass windows, each one eth_getLogs filtered by patient, in parallel.
  type RawLog = Log & { blockTimestamp?: string };
  const [rawLogs, rawEmergency] = (await Promise.all([
    client.request({
      method: 'eth_getLogs',
      params: [
        { address: config.accessRegistry, fromBlock, toBlock: 'latest', topics: [selectors, patientTopic as Hash] },
      ],
    }),
    config.emergencyAccess
      ? client.request({
          method: 'eth_getLogs',
          params: [
            {
              address: config.emergencyAccess,
              fromBlock,
              toBlock: 'latest',
              topics: [emergencySelectors, patientTopic as Hash],
            },
          ],
        })
      : [],
  ])) as [RawLog[], RawLog[]];

  const timestamps = new Map<string, number>();
  for (const log of [...rawLogs, ...rawEmergency]) {
    if (log.blockTimestamp && log.blockHash) timestamps.set(log.blockHash, Number(log.blockTimestamp));
  }
  const missing = [
    ...new Set([...rawLogs, ...rawEmergency].map((l) => l.blockHash!).filter((h) => !timestamps.has(h))),
  ];
  const blocks = await Promise.all(missing.map((blockHash) => client.getBlock({ blockHash })));
  for (const block of blocks) timestamps.set(block.hash, Number(block.timestamp));

  const logs = parseEventLogs({ abi: accessRegistryAbi, logs: rawLogs as Log[], eventName: [...EVENT_NAMES] });
  const caregiverLogs = parseEventLogs({
    abi: accessRegistryAbi,
    logs: rawLogs as Log[],
    eventName: [...CAREGIVER_EVENTS],
  });
  // Which grants and revokes a caregiver made: same transaction, same grantee.
  const actedBy = new Map<string, Address>();
  const caregiverEvents: AccessEvent[] = [];
  for (const log of caregiverLogs) {
    if (log.eventName === 'ActedByCaregiver') {
      actedBy.set(`${log.transactionHash}/${log.args.grantee.toLowerCase()}`, log.args.caregiver);
      continue;
    }
    caregiverEvents.push({
      kind: log.eventName === 'CaregiverAppointed' ? 'caregiver-appointed' : 'caregiver-removed',
      patient: log.args.patient,
      grantee: log.args.caregiver,
      categories: log.eventName === 'CaregiverAppointed' ? ALL_CATEGORIES_MASK : null,
      permission: null,
      expiresAt: log.eventName === 'CaregiverAppointed' ? Number(log.args.expiresAt) : null,
      blockNumber: BigInt(log.blockNumber),
      timestamp: timestamps.get(log.blockHash) ?? 0,
      transactionHash: log.transactionHash,
      logIndex: Number(log.logIndex),
    });
  }
  const emergencyLogs = parseEventLogs({
    abi: emergencyAccessAbi,
    logs: rawEmergency as Log[],
    eventName: [...EMERGENCY_EVENTS],
  });
  const emergencyEvents = emergencyLogs.map((log): AccessEvent => {
    const common = {
      patient: log.args.patient,
      blockNumber: BigInt(log.blockNumber),
      timestamp: timestamps.get(log.blockHash) ?? 0,
      transactionHash: log.transactionHash,
      logIndex: Number(log.logIndex),
      permission: 'read' as const,
    };
    if (log.eventName === 'EmergencyPolicySet' || log.eventName === 'EmergencyPolicyCleared') {
      return {
        ...common,
        grantee: log.args.patient,
        kind: 'emergency-policy',
        categories: log.eventName === 'EmergencyPolicySet' ? log.args.categories : 0,
        expiresAt: null,
      };
    }
    const base = { ...common, grantee: log.args.responder };
    return log.eventName === 'EmergencyAccessOpened'
      ? {
          ...base,
          kind: 'emergency-opened',
          categories: log.args.categories,
          expiresAt: Number(log.args.expiresAt),
          emergency: {
            reasonCommitment: log.args.reasonCommitment,
            institution: log.args.institution,
            endedBy: null,
          },
        }
      : {
          ...base,
          kind: 'emergency-ended',
          categories: null,
          expiresAt: null,
          emergency: { reasonCommitment: null, institution: null, endedBy: log.args.endedBy },
        };
  });
  return logs
    .map((log): AccessEvent => {
      const base = {
        kind: KIND[log.eventName],
        patient: log.args.patient,
        grantee: log.args.grantee,
        blockNumber: BigInt(log.blockNumber),
        timestamp: timestamps.get(log.blockHash) ?? 0,
        transactionHash: log.transactionHash,
        logIndex: Number(log.logIndex),
        byCaregiver: actedBy.get(`${log.transactionHash}/${log.args.grantee.toLowerCase()}`),
      };
      if (log.eventName === 'AccessRevoked' || log.eventName === 'AccessRenounced') {
        return {
          ...base,
          categories: null,
          permission: null,
          expiresAt: null,
          ...(log.eventName === 'AccessRenounced' ? { declinedByGrantee: true } : {}),
        };
      }
      return {
        ...base,
        categories: log.args.categories,
        permission: permissionFromChain(log.args.permission),
        expiresAt: log.args.expiresAt === 0 ? null : log.args.expiresAt,
      };
    })
    .concat(emergencyEvents, caregiverEvents)
    .sort((a, b) =>
      a.blockNumber === b.blockNumber ? b.logIndex - a.logIndex : a.blockNumber > b.blockNumber ? -1 : 1,
    );
}
