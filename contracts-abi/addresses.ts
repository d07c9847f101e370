import { chainDeployments } from './addresses/index';

/**
 * Deployed addresses per chain id. The local Anvil deployment is deterministic (deployer key 0,
 * nonces 0–6): scripts/lib/setupChain.ts refuses to continue if a deployment lands elsewhere.
 * Another chain: `npm run deploy` adds its file (or set the NEXT_PUBLIC_*_ADDRESS variables).
 */
export type Deployment = {
  AccessRegistry: `0x${string}`;
  KeyDirectory: `0x${string}`;
  RecordRoots: `0x${string}`;
  ResearchStudies: `0x${string}`;
  /** The ERC-20 studies are funded and rewarded in (a demo stable token on the local chain). */
  RewardToken: `0x${string}`;
  /** Where the storage server anchors the head of its disclosure log. */
  DisclosureAnchors: `0x${string}`;
  EmergencyAccess: `0x${string}`;
  deployBlock: number;
};

/**
 * Every deployment this repository knows, by chain id: one file per chain in addresses/, written
 * by `npm run deploy`; the local one (31337) matches what setupChain deploys.
 */
export const deployments: Record<string, Deployment> = chainDeployments;
