import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const children = new Set<ChildProcess>();
let stopAll: ((code: number) => Promise<void>) | null = null;

/**
 * Starts a child that is stopped (by pid) when this script exits or gets Ctrl-C; once
 * `stopAllOnSignal` is armed, a child that dies takes everything down with it.
 */
export function startChild(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  children.add(child);
  child.once('exit', (code) => {
    children.delete(child);
    void stopAll?.(code ?? 1);
  });
  return child;
}

/**
 * On Ctrl-C, SIGTERM or a child's death: stops every child started here, runs `cleanup`, exits.
 * Returns that same stop, for a script that fails on its own.
 */
export function stopAllOnSignal(cleanup: () => Promise<void> = async () => {}): (code: number) => Promise<void> {
  let stopping = false;
  stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await cleanup();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll?.(0));
  process.on('SIGTERM', () => void stopAll?.(0));
  return stopAll;
}

/** Stops `child` with SIGTERM and resolves once it has exited (at once if it already has). */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const NEXT_BIN = 'node_modules/next/dist/bin/next';
