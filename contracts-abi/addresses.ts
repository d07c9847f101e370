/**
 * Deployed addresses per chain id. The local Anvil deployment is deterministic (deployer key 0,
 * nonces 0, 1, 2): scripts/lib/setupChain.ts refuses to continue if a deployment lands elsewhere.
 * Add an entry (or set the NEXT_PUBLIC_*_ADDRESS variables) to run against another chain.
 */
export type Deployment = {
  AccessRegistry: `0x${string}`;
  KeyDirectory: `0x${string}`;
  RecordIndex: `0x${string}`;
  deployBlock: number;
};

export const deployments: Record<string, Deployment> = {
  '31337': {
    AccessRegistry: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    KeyDirectory: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
    RecordIndex: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    deployBlock: 0,
  },
};
