import type { Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { accessRegistryAbi, emergencyAccessAbi, multicall3Abi } from '../../contracts-abi';
import { toGrant } from '../access/readGrants';
import type { Grant } from '../access/types';
import type { DisclosureBasis } from '../audit/disclosureChain';
import { EVERY_CATEGORY_NUMBER } from '../categories';
import { EVERY_CATEGORY_BIT } from './chainAuthorization';
import { readerAccessKeys } from './queryKeys';

export type ReaderAccessConfig = {
  accessRegistry: Address;
  /** Break-glass access counts as read access while a window is open. */
  emergencyAccess?: Address | null;
};

export type ReaderAccessParameters = { reader: Address; patient: Address };

/** What `reader` may read of `patient`'s records now, and on what basis. */
export type ReaderAccess = {
  /** The reader is the patient: every category, on nobody's say-so. */
  isPatient: boolean;
  /** Each readable category with the basis it is read on: a grant, else an open emergency window, else caregiving. */
  bases: ReadonlyMap<number, DisclosureBasis>;
  /** The readable categories as a bit set. */
  categories: number;
  /** The categories the reader may add records to, as a bit set. */
  writeScope: number;
  /** The reader's own grant while the contract says it reads; null otherwise. */
  grant: Grant | null;
  /** The open break-glass window's categories and end; null when none is open. */
  emergency: { categories: number; expiresAt: number } | null;
  /** When the reader's caregiver appointment ends, while it is live; null otherwise. */
  caregiverUntil: number | null;
  /** Chain time of the block everything above was read at, in seconds; null for the patient (nothing read). */
  chainTime: number | null;
};

/**
 * The one reader-access policy, used by the clinician's chart, the vault reader and the server's
 * blob and key handlers alike. The contracts decide (`readScope` in AccessRegistry and
 * EmergencyAccess, each `canRead` for all categories at once, and `isCaregiver`); nothing here
 * restates their expiry or epoch rules. One multicall of eight calls, so every answer and the
 * chain time come from the same block.
 */
export async function readReaderAccess(
  client: ChainReader,
  config: ReaderAccessConfig,
  { reader, patient }: ReaderAccessParameters,
): Promise<ReaderAccess> {
  if (reader.toLowerCase() === patient.toLowerCase()) {
    // The patient's own records need nobody's say-so: no chain read at all.
    return {
      isPatient: true,
      bases: new Map(),
      categories: EVERY_CATEGORY_BIT,
      writeScope: EVERY_CATEGORY_BIT,
      grant: null,
      emergency: null,
      caregiverUntil: null,
      chainTime: null,
    };
  }
  const multicall3 = client.chain?.contracts?.multicall3?.address;
  if (!multicall3) throw new Error('Multicall3 is not configured for this chain');
  const registry = { address: config.accessRegistry, abi: accessRegistryAbi } as const;
  const emergency = config.emergencyAccess
    ? ({ address: config.emergencyAccess, abi: emergencyAccessAbi } as const)
    : null;
  const answers = (await client.multicall({
    allowFailure: false,
    multicallAddress: multicall3,
    contracts: [
      { address: multicall3, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' },
      { ...registry, functionName: 'getGrant', args: [patient, reader] },
      { ...registry, functionName: 'readScope', args: [patient, reader] },
      { ...registry, functionName: 'writeScope', args: [patient, reader] },
      { ...registry, functionName: 'isCaregiver', args: [patient, reader] },
      { ...registry, functionName: 'caregiverExpiry', args: [patient, reader] },
      ...(emergency
        ? [
            { ...emergency, functionName: 'readScope', args: [patient, reader] },
            { ...emergency, functionName: 'windowOf', args: [patient, reader] },
          ]
        : []),
    ] as never,
  })) as unknown[];
  const [timestamp, rawGrant, grantScope, writeScope, caregiver, caregiverExpiry, windowScope, window] = answers as [
    bigint,
    Parameters<typeof toGrant>[0],
    number,
    number,
    boolean,
    number,
    number | undefined,
    { expiresAt: number } | undefined,
  ];
  const covers = (scope: number | undefined, category: number) => ((scope ?? 0) >>> category) & 1;
  const chainTime = Number(timestamp);

  const bases = new Map<number, DisclosureBasis>();
  for (const category of EVERY_CATEGORY_NUMBER) {
    if (covers(grantScope, category)) bases.set(category, 'grant');
    else if (covers(windowScope, category)) bases.set(category, 'emergency');
    else if (caregiver) bases.set(category, 'caregiver');
  }
  return {
    isPatient: false,
    bases,
    categories: (grantScope | (windowScope ?? 0) | (caregiver ? EVERY_CATEGORY_BIT : 0)) >>> 0,
    writeScope,
    grant: grantScope !== 0 ? toGrant(rawGrant) : null,
    emergency: window && windowScope ? { categories: windowScope, expiresAt: window.expiresAt } : null,
    caregiverUntil: caregiver ? caregiverExpiry : null,
    chainTime,
  };
}

/** Whether `access` covers `category` (the patient reads every category). */
export function canReadCategory(access: ReaderAccess, category: number): boolean {
  return access.isPatient || access.bases.has(category);
}

/** Of `categories`, those `access` covers. */
export function readableOf(access: ReaderAccess, categories: readonly number[]): Set<number> {
  return new Set(categories.filter((category) => canReadCategory(access, category)));
}

/** TanStack query options for what `reader` may read of `patient`'s records now. */
export function readerAccessQueryOptions(
  client: ChainReader,
  config: ReaderAccessConfig & { chain: { id: number } },
  { reader, patient }: ReaderAccessParameters,
) {
  return {
    queryKey: readerAccessKeys.of(config.chain.id, patient, reader),
    queryFn: () => readReaderAccess(client, config, { reader, patient }),
  };
}

/**
 * Milliseconds until the first of `access`'s grant, emergency window or caregiver appointment
 * ends, judged from the chain time it was read at; null when nothing of it ends. A chart reads its
 * access again then, so it does not go on showing access the contract has already ended.
 */
export function msUntilAccessChanges(access: ReaderAccess): number | null {
  if (access.chainTime === null) return null;
  const ends = [access.grant?.expiresAt, access.emergency?.expiresAt, access.caregiverUntil].filter(
    (end): end is number => typeof end === 'number' && end > 0,
  );
  if (ends.length === 0) return null;
  return Math.max(0, Math.min(...ends) - access.chainTime) * 1000;
}
