/**
 * Deployed addresses per chain id. The local Anvil deployment is deterministic (deployer key 0,
 * nonce 0): scripts/lib/setupChain.ts refuses to continue if a deployment lands elsewhere.
 * Add an entry (or set NEXT_PUBLIC_ACCESS_REGISTRY_ADDRESS) to run against another chain.
 */
export const deployments: Record<string, { AccessRegistry: `0x${string}`; deployBlock: number }> = {
  '31337': { AccessRegistry: '0x5FbDB2315678afecb367f032d93F642f64180aa3', deployBlock: 0 },
};
