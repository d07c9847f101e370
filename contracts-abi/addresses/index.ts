// Written by scripts/deploy.ts (npm run deploy) from the deployment files beside it.
import type { Deployment } from '../addresses';
import chain31337 from './31337.json';

/** Every deployment this repository knows, by chain id. */
export const chainDeployments: Record<string, Deployment> = {
  '31337': chain31337 as Deployment,
};
