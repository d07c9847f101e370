import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export type S3Server = {
  endpoint: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
};

type Runnable = { run(): Promise<{ address: string; port: number }>; close(): Promise<void> };

/**
 * A local S3-compatible server (s3rver, files in a temporary directory) on a free port of
 * 127.0.0.1, with one bucket; its fixed development credentials are S3RVER / S3RVER.
 */
export async function startS3(bucket = 'ownchart'): Promise<S3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), 'ownchart-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  }) as unknown as Runnable;
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
