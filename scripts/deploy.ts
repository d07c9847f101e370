/**
 * npm run deploy -- --rpc-url <url> --chain-id <id> (--reward-token <address> | --demo-token)
 *   [--operator <address>] [--governance <address>] [--replace]
 *
 * Deploys every OwnChart contract to any EVM chain with the key in OWNCHART_DEPLOYER_KEY (from
 * the environment, never the command line, so it stays out of shell history), and writes
 * contracts-abi/addresses/<chainId>.json: an app built with NEXT_PUBLIC_CHAIN_ID and
 * NEXT_PUBLIC_RPC_URL for that chain then finds its contracts with no other change.
 */
import { parseArgs } from 'node:util';
import { isHex, type Address, type Hex } from 'viem';
import { DeployError, deployContracts } from './lib/deployContracts';

const { values: options } = parseArgs({
  options: {
    'rpc-url': { type: 'string' },
    'chain-id': { type: 'string' },
    'reward-token': { type: 'string' },
    'demo-token': { type: 'boolean', default: false },
    operator: { type: 'string' },
    governance: { type: 'string' },
    replace: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const rpcUrl = options['rpc-url'] ?? fail('Say where to deploy: --rpc-url <url> --chain-id <id>.');
const chainId = Number(options['chain-id']);
if (!Number.isSafeInteger(chainId) || chainId <= 0) fail('--chain-id must be a positive integer.');
const deployerKey = process.env.OWNCHART_DEPLOYER_KEY;
if (!deployerKey || !isHex(deployerKey) || deployerKey.length !== 66) {
  fail('Set OWNCHART_DEPLOYER_KEY to the deploying account’s private key (0x and 64 hex digits).');
}
if (!options['demo-token'] && !options['reward-token']) {
  fail('Name the ERC-20 studies are paid in (--reward-token <address>), or --demo-token on a test network.');
}

try {
  const { deployment, file, gas } = await deployContracts({
    rpcUrl,
    chainId,
    deployerKey: deployerKey as Hex,
    rewardToken: options['demo-token'] ? 'demo' : (options['reward-token'] as Address),
    operator: options.operator as Address | undefined,
    governance: options.governance as Address | undefined,
    replace: options.replace,
  });
  console.log(`Deployed to chain ${chainId} from block ${deployment.deployBlock}; wrote ${file}.`);
  for (const [name, used] of Object.entries(gas)) console.log(`  ${name}: ${used.toLocaleString('en-US')} gas`);
  console.log(`Build the app with NEXT_PUBLIC_CHAIN_ID=${chainId} NEXT_PUBLIC_RPC_URL=${rpcUrl}.`);
} catch (error) {
  if (error instanceof DeployError) fail(error.message);
  throw error;
}
