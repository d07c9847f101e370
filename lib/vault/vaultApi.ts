import type { OperationOutcome } from '@medplum/fhirtypes';
import { bytesToHex, getAddress, type Address, type Hex } from 'viem';
import { createSiweMessage } from 'viem/siwe';
import { OwnChartError } from '../errors/OwnChartError';
import type { ContentHash } from '../storage/BlobStore';
import type { KeyEnvelope } from './keyEnvelope';

/** The storage server refused or failed a request; `status` is the HTTP status. */
export class StorageRequestError extends OwnChartError {
  override name = 'StorageRequestError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message, { details: `HTTP ${status}` });
  }
}

/** The storage server could not be reached at all. */
export class StorageUnreachableError extends OwnChartError {
  override name = 'StorageUnreachableError';
  constructor(cause: unknown) {
    super('The OwnChart storage server cannot be reached. Check your connection and try again.', { cause });
  }
}

async function call(path: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (error) {
    throw new StorageUnreachableError(error);
  }
  if (response.ok) return response;
  let message = `The storage server answered ${response.status}.`;
  try {
    const outcome = (await response.json()) as OperationOutcome;
    message = outcome.issue?.[0]?.details?.text ?? message;
  } catch {
    // Not an OperationOutcome: keep the status sentence.
  }
  throw new StorageRequestError(response.status, message);
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The address signed in to the storage server in this browser, or null. */
export async function currentSession(): Promise<Address | null> {
  try {
    return ((await (await call('/api/auth/session')).json()) as { address: Address }).address;
  } catch (error) {
    if (error instanceof StorageRequestError && error.status === 401) return null;
    throw error;
  }
}

/** Sign-In with Ethereum: one signed message for a session cookie, bound to this site and chain. */
export async function signIn(
  address: Address,
  chainId: number,
  signMessage: (message: string) => Promise<Hex>,
): Promise<void> {
  const { nonce } = (await (await call('/api/auth/nonce')).json()) as { nonce: string };
  const message = createSiweMessage({
    address: getAddress(address),
    chainId,
    domain: window.location.host,
    uri: window.location.origin,
    nonce,
    version: '1',
    statement: 'Sign in to OwnChart to store and read encrypted records.',
    expirationTime: new Date(Date.now() + 8 * 3_600_000),
  });
  await call('/api/auth/verify', json({ message, signature: await signMessage(message) }));
}

export async function uploadBlob(patient: Address, category: number, bytes: Uint8Array, hash: ContentHash) {
  await call(`/api/blobs?patient=${patient}&category=${category}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-content-sha256': hash },
    body: bytes as BodyInit,
  });
}

/** Many blobs in one request; the answer is hash (32) · length (4) · bytes, repeated. */
export async function readBlobs(
  patient: Address,
  hashes: readonly ContentHash[],
): Promise<Map<ContentHash, Uint8Array>> {
  const response = await call('/api/blobs/read', json({ patient, hashes }));
  const bytes = new Uint8Array(await response.arrayBuffer());
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blobs = new Map<ContentHash, Uint8Array>();
  for (let at = 0; at + 36 <= bytes.length;) {
    const length = view.getUint32(at + 32);
    blobs.set(bytesToHex(bytes.subarray(at, at + 32)), bytes.subarray(at + 36, at + 36 + length));
    at += 36 + length;
  }
  return blobs;
}

const ENVELOPES_PER_REQUEST = 500;

export async function storeEnvelopes(patient: Address, envelopes: readonly KeyEnvelope[]): Promise<void> {
  for (let i = 0; i < envelopes.length; i += ENVELOPES_PER_REQUEST) {
    await call('/api/keys', json({ patient, envelopes: envelopes.slice(i, i + ENVELOPES_PER_REQUEST) }));
  }
}

/** The patient's own view lists every envelope; a grantee's lists theirs, within their grant. */
export async function listEnvelopes(patient: Address): Promise<KeyEnvelope[]> {
  return ((await (await call(`/api/keys?patient=${patient}`)).json()) as { envelopes: KeyEnvelope[] }).envelopes;
}
