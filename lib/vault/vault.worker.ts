/**
 * The chart's heavy steps in a Web Worker: checking a thousand leaves against their roots, and
 * checking and decrypting a thousand records, were each main-thread tasks of 70–200 ms, during
 * which a chart could not scroll or answer a tap.
 */
import { runVaultJob, type VaultJob, type VaultJobResult } from './vaultJobs';

export type VaultRequest = { id: number; job: VaultJob };
/** The job's result, or the message of what it threw: the page then fails as it would in place. */
export type VaultReply = { id: number; result: VaultJobResult } | { id: number; error: string };

self.onmessage = async ({ data }: MessageEvent<VaultRequest>) => {
  let reply: VaultReply;
  try {
    reply = { id: data.id, result: await runVaultJob(data.job) };
  } catch (error) {
    reply = { id: data.id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
