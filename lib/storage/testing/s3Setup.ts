import type { TestProject } from 'vitest/node';
import { startS3 } from '../../../scripts/lib/s3';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The local S3-compatible server this run started: endpoint and bucket. */
    s3: { endpoint: string; bucket: string };
  }
}

/** Vitest global setup: one local S3-compatible server for the run, stopped at the end. */
export default async function setup(project: TestProject) {
  const server = await startS3();
  project.provide('s3', { endpoint: server.endpoint, bucket: server.bucket });
  return () => server.stop();
}
