import type { Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { accessRegistryAbi, multicall3Abi } from '../../contracts-abi';
import type { ChainConfig } from '../chain/readChainConfig';
import { permissionFromChain } from './permission';
import type { Grant } from './types';

/** Grants per page; a page is one eth_call however many grants it holds. */
export const GRANT_PAGE_SIZE = 100;

export type ReadGrantsParameters = {
  /** `grantees`: the patient's grants; `patients`: the grants made to a grantee. */
  direction: 'grantees' | 'patients';
  account: Address;
};

export type ReadGrantsReturnType = {
  grants: Grant[];
  /** Chain time of the block read, in seconds: what expiry is judged against. */
  chainTime: number;
};

export type ChainGrant = {
  counterparty: Address;
  categories: number;
  permission: number;
  grantedAt: number;
  expiresAt: number;
  accepted: boolean;
};

/** A grant as the app shows it, or null where the chain holds none (permission None). */
export function toGrant(raw: ChainGrant): Grant | null {
  const permission = permissionFromChain(raw.permission);
  if (!permission) return null;
  return {
    counterparty: raw.counterparty,
    categories: raw.categories,
    permission,
    grantedAt: raw.grantedAt,
    expiresAt: raw.expiresAt === 0 ? null : raw.expiresAt,
    accepted: raw.accepted,
  };
}

/**
 * Reads every grant of one account, page by page, each page batched through Multicall3 with the
 * block timestamp so the list and the time it is judged at come from the same block.
 */
export async function readGrants(
  client: ChainReader,
  config: ChainConfig,
  { direction, account }: ReadGrantsParameters,
): Promise<ReadGrantsReturnType> {
  const multicall3 = config.chain.contracts?.multicall3?.address;
  if (!multicall3) throw new Error('Multicall3 is not configured for this chain');

  const grants: Grant[] = [];
  let chainTime = 0;
  for (let offset = 0n; ; offset += BigInt(GRANT_PAGE_SIZE)) {
    const [page, timestamp] = await client.multicall({
      allowFailure: false,
      multicallAddress: multicall3,
      contracts: [
        {
          address: config.accessRegistry,
          abi: accessRegistryAbi,
          functionName: direction === 'grantees' ? 'granteesOf' : 'patientsOf',
          args: [account, offset, BigInt(GRANT_PAGE_SIZE)],
        },
        { address: multicall3, abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' },
      ],
    });
    chainTime = Number(timestamp);
    for (const raw of page) {
      const grant = toGrant(raw);
      if (grant) grants.push(grant);
    }
    if (page.length < GRANT_PAGE_SIZE) return { grants, chainTime };
  }
}
