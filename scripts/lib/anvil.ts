import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { stopChild } from './processes';

const require = createRequire(import.meta.url);

/** The anvil binary shipped in @foundry-rs/anvil's platform package, run directly (not via npx). */
export function anvilBinary(): string {
  const pkg = `@foundry-rs/anvil-${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'bin', 'anvil');
}

export type AnvilParameters = {
  port: number;
  /** Start the chain's clock at this time (seconds); defaults to now. */
  timestamp?: number;
  /** Anvil state file to load on start and save on exit. */
  statePath?: string;
  /** Another chain id than the local 31337 (to try a deployment as another network would see it). */
  chainId?: number;
};

export type Anvil = { rpcUrl: string; process: ChildProcess; stop: () => Promise<void> };

async function waitForRpc(rpcUrl: string, child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`anvil exited with code ${child.exitCode}`);
    try {
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`anvil did not answer on ${rpcUrl} within ${timeoutMs} ms`);
}

/** Starts Anvil on 127.0.0.1 and resolves once it answers RPC. Stop it with `stop()` (by pid). */
export async function startAnvil({ port, timestamp, statePath, chainId = 31337 }: AnvilParameters): Promise<Anvil> {
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent'];
  if (timestamp !== undefined) args.push('--timestamp', String(timestamp));
  if (statePath) args.push('--state', statePath);
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const rpcUrl = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  try {
    await waitForRpc(rpcUrl, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { rpcUrl, process: child, stop };
}
