import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { isObjectKey, type ObjectStore } from './ObjectStore';

export type S3Config = {
  /** e.g. `https://s3.eu-west-1.amazonaws.com`, or a self-hosted store's URL. */
  endpoint?: string;
  bucket: string;
  region: string;
  /** Path-style URLs (`endpoint/bucket/key`), as self-hosted stores (MinIO, Ceph, s3rver) want. */
  forcePathStyle?: boolean;
  credentials?: S3ClientConfig['credentials'];
  /** Objects above this go up in parts of this size (multipart upload); S3's minimum is 5 MiB. */
  partBytes?: number;
};

const isAbsent = (error: unknown) =>
  error instanceof NoSuchKey ||
  error instanceof NotFound ||
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/**
 * Objects in an S3-compatible bucket. A put is one PutObject, or a multipart upload above
 * `partBytes` that S3 makes visible only when completed (and that is aborted if any part fails),
 * so no reader ever sees part of an object.
 */
export class S3ObjectStore implements ObjectStore {
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle ?? Boolean(config.endpoint),
      credentials: config.credentials,
      // Fail a request on an unreachable store instead of retrying for long.
      maxAttempts: 2,
    });
  }

  private checked(key: string): string {
    if (!isObjectKey(key)) throw new RangeError(`Not an object key: ${key}`);
    return key;
  }

  async put(key: string, bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key: this.checked(key), Body: bytes },
      partSize: this.config.partBytes ?? 8 * 1024 * 1024,
      queueSize: 2,
      leavePartsOnError: false,
      abortController: signal ? abortControllerFor(signal) : undefined,
    });
    await upload.done();
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: this.checked(key) }),
      );
      return answer.Body ? await answer.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (isAbsent(error)) return null;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.checked(key) }));
      return true;
    } catch (error) {
      if (isAbsent(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.checked(key) }));
  }
}

/** lib-storage wants an AbortController; a caller has a signal. */
function abortControllerFor(signal: AbortSignal): AbortController {
  const controller = new AbortController();
  if (signal.aborted) controller.abort(signal.reason);
  else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  return controller;
}
