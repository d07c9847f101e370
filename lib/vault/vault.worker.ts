/**
 * The chart's heavy steps in a Web Worker: checking a thousand leaves against their roots, and
 * checking and decrypting a thousand records, were each main-thread tasks of 70–200 ms, during
 * which a chart could not scroll or answer a tap.
 */
import { runVaultJob, type VaultJob, type VaultJobResult } from './vaultJobs';

export type VaultRequest = { id: number; job: VaultJob };
export type VaultReply = { id: number; result: VaultJobResult };

self.onmessage = async ({ data }: MessageEvent<VaultRequest>) => {
  const reply: VaultReply = { id: data.id, result: await runVaultJob(data.job) };
  self.postMessage(reply);
};
