import { readChainConfig } from './readChainConfig';

/**
 * This build's chain configuration. Next inlines NEXT_PUBLIC_* only where they are spelled out,
 * hence the literal reads.
 */
export const chainConfig = readChainConfig({
  chainId: process.env.NEXT_PUBLIC_CHAIN_ID,
  rpcUrl: process.env.NEXT_PUBLIC_RPC_URL,
  chainName: process.env.NEXT_PUBLIC_CHAIN_NAME,
  accessRegistry: process.env.NEXT_PUBLIC_ACCESS_REGISTRY_ADDRESS,
  recordRoots: process.env.NEXT_PUBLIC_RECORD_ROOTS_ADDRESS,
  keyDirectory: process.env.NEXT_PUBLIC_KEY_DIRECTORY_ADDRESS,
  researchStudies: process.env.NEXT_PUBLIC_RESEARCH_STUDIES_ADDRESS,
  rewardToken: process.env.NEXT_PUBLIC_REWARD_TOKEN_ADDRESS,
  disclosureAnchors: process.env.NEXT_PUBLIC_DISCLOSURE_ANCHORS_ADDRESS,
  emergencyAccess: process.env.NEXT_PUBLIC_EMERGENCY_ACCESS_ADDRESS,
  deployBlock: process.env.NEXT_PUBLIC_DEPLOY_BLOCK,
  logPageBlocks: process.env.NEXT_PUBLIC_LOG_PAGE_BLOCKS,
  indexerUrl: process.env.NEXT_PUBLIC_INDEXER_URL,
});
