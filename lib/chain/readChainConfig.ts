import { defineChain, getAddress, isAddress, type Address, type Chain } from 'viem';
import { foundry } from 'viem/chains';
import { deployments } from '../../contracts-abi';
import { DEFAULT_LOG_PAGE_BLOCKS } from './pagedLogs';

export type ChainConfig = {
  chain: Chain;
  rpcUrl: string;
  accessRegistry: Address;
  /** RecordRoots, where the records vault is deployed on this chain; null where it is not. */
  recordRoots: Address | null;
  /** KeyDirectory (encryption public keys); deployed with RecordRoots. */
  keyDirectory: Address | null;
  /** ResearchStudies and the ERC-20 its rewards are paid in; null where research is not deployed. */
  research: { studies: Address; rewardToken: Address } | null;
  /** Where the storage server anchors its disclosure log; null where none is deployed. */
  disclosureAnchors: Address | null;
  /** EmergencyAccess (break glass); null where it is not deployed. */
  emergencyAccess: Address | null;
  /** First block to scan for history events. */
  deployBlock: bigint;
  /** Most blocks one eth_getLogs may cover; longer ranges are read in pages (lib/chain/pagedLogs.ts). */
  logPageBlocks: bigint;
  /** The history indexer (indexer/) that answers log reads, or null to read them from the chain. */
  indexerUrl: string | null;
  /** The local Anvil chain: demo accounts are offered and nothing reaches the internet. */
  isLocal: boolean;
};

export type ChainEnv = {
  chainId?: string;
  rpcUrl?: string;
  chainName?: string;
  accessRegistry?: string;
  recordRoots?: string;
  keyDirectory?: string;
  researchStudies?: string;
  rewardToken?: string;
  disclosureAnchors?: string;
  emergencyAccess?: string;
  deployBlock?: string;
  logPageBlocks?: string;
  indexerUrl?: string;
};

export class ChainConfigError extends Error {
  override name = 'ChainConfigError';
}

/**
 * Resolves the chain, RPC URL and contract addresses from configuration; Anvil (31337) by default.
 * Another chain needs only NEXT_PUBLIC_CHAIN_ID, NEXT_PUBLIC_RPC_URL and the addresses.
 */
export function readChainConfig(env: ChainEnv): ChainConfig {
  const chainId = Number(env.chainId ?? foundry.id);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new ChainConfigError(`NEXT_PUBLIC_CHAIN_ID must be a positive integer, got "${env.chainId}"`);
  }
  const isLocal = chainId === foundry.id;
  const rpcUrl = env.rpcUrl ?? (isLocal ? 'http://127.0.0.1:8545' : undefined);
  if (!rpcUrl) throw new ChainConfigError(`NEXT_PUBLIC_RPC_URL is required for chain ${chainId}`);

  const deployed = deployments[String(chainId)];
  const registry = env.accessRegistry ?? deployed?.AccessRegistry;
  if (!registry || !isAddress(registry)) {
    throw new ChainConfigError(
      `No AccessRegistry address for chain ${chainId}: set NEXT_PUBLIC_ACCESS_REGISTRY_ADDRESS`,
    );
  }

  const recordRoots = env.recordRoots ?? deployed?.RecordRoots;
  if (recordRoots !== undefined && !isAddress(recordRoots)) {
    throw new ChainConfigError(`NEXT_PUBLIC_RECORD_ROOTS_ADDRESS is not an address: "${recordRoots}"`);
  }

  const keyDirectory = env.keyDirectory ?? deployed?.KeyDirectory;
  if (keyDirectory !== undefined && !isAddress(keyDirectory)) {
    throw new ChainConfigError(`NEXT_PUBLIC_KEY_DIRECTORY_ADDRESS is not an address: "${keyDirectory}"`);
  }

  const studies = env.researchStudies ?? deployed?.ResearchStudies;
  const rewardToken = env.rewardToken ?? deployed?.RewardToken;
  const disclosureAnchors = env.disclosureAnchors ?? deployed?.DisclosureAnchors;
  const emergencyAccess = env.emergencyAccess ?? deployed?.EmergencyAccess;
  for (const [name, value] of [
    ['NEXT_PUBLIC_RESEARCH_STUDIES_ADDRESS', studies],
    ['NEXT_PUBLIC_REWARD_TOKEN_ADDRESS', rewardToken],
    ['NEXT_PUBLIC_DISCLOSURE_ANCHORS_ADDRESS', disclosureAnchors],
    ['NEXT_PUBLIC_EMERGENCY_ACCESS_ADDRESS', emergencyAccess],
  ] as const) {
    if (value !== undefined && !isAddress(value)) throw new ChainConfigError(`${name} is not an address: "${value}"`);
  }

  const chain = isLocal
    ? { ...foundry, rpcUrls: { default: { http: [rpcUrl] } } }
    : defineChain({
        id: chainId,
        name: env.chainName ?? `Chain ${chainId}`,
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
        rpcUrls: { default: { http: [rpcUrl] } },
      });

  const logPageBlocks = BigInt(env.logPageBlocks ?? DEFAULT_LOG_PAGE_BLOCKS);
  if (logPageBlocks < 1n)
    throw new ChainConfigError(`NEXT_PUBLIC_LOG_PAGE_BLOCKS must be at least 1, got "${env.logPageBlocks}"`);

  const indexerUrl = env.indexerUrl ? env.indexerUrl.replace(/\/+$/, '') : null;
  if (indexerUrl !== null && !URL.canParse(indexerUrl)) {
    throw new ChainConfigError(`NEXT_PUBLIC_INDEXER_URL must be an http(s) URL, got "${env.indexerUrl}"`);
  }
  if (indexerUrl !== null && !['http:', 'https:'].includes(new URL(indexerUrl).protocol)) {
    throw new ChainConfigError(`NEXT_PUBLIC_INDEXER_URL must be an http(s) URL, got "${env.indexerUrl}"`);
  }

  return {
    chain: {
      ...chain,
      contracts: { multicall3: { address: '0xcA11bde05977b3631167028862bE2a173976CA11' } },
    },
    rpcUrl,
    accessRegistry: getAddress(registry),
    recordRoots: recordRoots ? getAddress(recordRoots) : null,
    keyDirectory: keyDirectory ? getAddress(keyDirectory) : null,
    disclosureAnchors: disclosureAnchors ? getAddress(disclosureAnchors) : null,
    emergencyAccess: emergencyAccess ? getAddress(emergencyAccess) : null,
    research: studies && rewardToken ? { studies: getAddress(studies), rewardToken: getAddress(rewardToken) } : null,
    deployBlock: BigInt(env.deployBlock ?? deployed?.deployBlock ?? 0),
    logPageBlocks,
    indexerUrl,
    isLocal,
  };
}

/** The contracts whose every event the history indexer keeps, by name, as deployed on this chain. */
export function indexedContractAddresses(config: ChainConfig) {
  const all = {
    AccessRegistry: config.accessRegistry,
    KeyDirectory: config.keyDirectory,
    RecordRoots: config.recordRoots,
    ResearchStudies: config.research?.studies ?? null,
    DisclosureAnchors: config.disclosureAnchors,
    EmergencyAccess: config.emergencyAccess,
  };
  return Object.entries(all).flatMap(([name, address]) =>
    address ? [{ name: name as keyof typeof all, address }] : [],
  );
}
