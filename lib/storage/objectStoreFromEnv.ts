import path from 'node:path';
import { FsObjectStore } from './FsObjectStore';
import type { ObjectStore } from './ObjectStore';
import { S3ObjectStore } from './S3ObjectStore';

/**
 * Where the bytes of the `name` store (blobs, contributions, study documents) go: an
 * S3-compatible bucket when OWNCHART_S3_BUCKET is set (one bucket for all three: every key
 * starts with its scope), else `<data dir>/<name>`.
 */
export function objectStoreFromEnv(dataDir: string, name: string, env = process.env): ObjectStore {
  const bucket = env.OWNCHART_S3_BUCKET;
  if (!bucket) return new FsObjectStore(path.join(dataDir, name));
  const accessKeyId = env.OWNCHART_S3_ACCESS_KEY_ID;
  const secretAccessKey = env.OWNCHART_S3_SECRET_ACCESS_KEY;
  return new S3ObjectStore({
    bucket,
    endpoint: env.OWNCHART_S3_ENDPOINT,
    region: env.OWNCHART_S3_REGION ?? 'us-east-1',
    forcePathStyle: env.OWNCHART_S3_PATH_STYLE ? env.OWNCHART_S3_PATH_STYLE === '1' : undefined,
    // Without keys here, the AWS SDK's own chain (environment, instance role) supplies them.
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  });
}
