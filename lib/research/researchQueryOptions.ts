import type { Address } from 'viem';
import type { ChainReader } from '../chain/chainReader';
import { demoStableTokenAbi } from '../../contracts-abi';
import type { ChainConfig } from '../chain/readChainConfig';
import type { EncryptionKeyPair } from '../crypto/encryptionKeyFromSignature';
import { loadContribution } from './loadContribution';
import { researchKeys } from './queryKeys';
import { readEarnings } from './readEarnings';
import { readContributions, readStudies, readToken, researchContracts, type ContributionEntry } from './readStudies';
import { getStudyDocument, type ConsentDocument, type StudyDescription } from './studyApi';

/** TanStack query options for every study, with `account`'s standing in each. */
export function studiesQueryOptions(client: ChainReader, config: ChainConfig, account: Address | undefined) {
  return {
    queryKey: researchKeys.studies(config.chain.id, account),
    queryFn: () => readStudies(client, config, account),
  };
}

/** TanStack query options for one study's contributions. */
export function contributionsQueryOptions(client: ChainReader, config: ChainConfig, studyId: bigint) {
  return {
    queryKey: researchKeys.contributions(config.chain.id, studyId),
    queryFn: () => readContributions(client, config, studyId),
  };
}

/** TanStack query options for a reward token's symbol and decimals (they never change). */
export function rewardTokenQueryOptions(client: ChainReader, config: ChainConfig, token: Address) {
  return {
    queryKey: researchKeys.token(config.chain.id, token),
    queryFn: () => readToken(client, token),
    staleTime: Infinity,
  };
}

/** TanStack query options for an account's balance of a token. */
export function tokenBalanceQueryOptions(client: ChainReader, config: ChainConfig, token: Address, account: Address) {
  return {
    queryKey: researchKeys.balance(config.chain.id, token, account),
    queryFn: () =>
      client.readContract({ address: token, abi: demoStableTokenAbi, functionName: 'balanceOf', args: [account] }),
  };
}

/** TanStack query options for how much of `token` the study contract may take from `owner`. */
export function studyAllowanceQueryOptions(client: ChainReader, config: ChainConfig, token: Address, owner: Address) {
  return {
    queryKey: researchKeys.allowance(config.chain.id, token, owner),
    queryFn: () =>
      client.readContract({
        address: token,
        abi: demoStableTokenAbi,
        functionName: 'allowance',
        args: [owner, researchContracts(config).studies],
      }),
  };
}

/** TanStack query options for when each of a patient's contributions was accepted. */
export function earningsQueryOptions(client: ChainReader, config: ChainConfig, patient: Address) {
  return {
    queryKey: researchKeys.earnings(config.chain.id, patient),
    queryFn: () => readEarnings(client, config, patient),
  };
}

/** TanStack query options for one accepted contribution, opened in the researcher's browser. Immutable. */
export function openedContributionQueryOptions(
  client: ChainReader,
  config: ChainConfig,
  { studyId, entry, keys }: { studyId: bigint; entry: ContributionEntry; keys: EncryptionKeyPair },
) {
  return {
    queryKey: researchKeys.contribution(config.chain.id, entry.contentHash),
    queryFn: () =>
      loadContribution(client, config, {
        studyId,
        patient: entry.patient,
        contentHash: entry.contentHash,
        researcher: keys,
      }),
    staleTime: Infinity,
  };
}

/** TanStack query options for a study document, verified against its on-chain hash. Immutable. */
export function studyDocumentQueryOptions<T extends StudyDescription | ConsentDocument>(hash: string) {
  return { queryKey: researchKeys.document(hash), queryFn: () => getStudyDocument<T>(hash), staleTime: Infinity };
}
