import type { Address } from 'viem';
import { call, json, ServerRequestError } from '../api/serverRequest';
import type { ContentHash } from '../storage/BlobStore';
import { sha256Hex } from '../storage/sha256Hex';

/** A study's public description; its SHA-256 is the study's metadata hash on-chain. */
export type StudyDescription = { kind: 'study-description'; title: string; purpose: string; eligibility: string };
/** The consent document a patient agrees to; its SHA-256 is the consent hash on-chain. */
export type ConsentDocument = { kind: 'consent'; text: string };

export async function putStudyDocument(document: StudyDescription | ConsentDocument): Promise<ContentHash> {
  const response = await call('/api/studies/documents', json(document));
  return ((await response.json()) as { hash: ContentHash }).hash;
}

/** A study document, refused unless it matches the hash the chain holds. */
export async function getStudyDocument<T extends StudyDescription | ConsentDocument>(hash: string): Promise<T> {
  const bytes = new Uint8Array(await (await call(`/api/studies/documents/${hash}`)).arrayBuffer());
  if (sha256Hex(bytes) !== hash.toLowerCase()) {
    throw new ServerRequestError(422, 'This study document does not match the hash published on-chain.');
  }
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

export async function uploadContribution(studyId: bigint, bytes: Uint8Array): Promise<ContentHash> {
  const hash = sha256Hex(bytes);
  await call(`/api/contributions?study=${studyId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-content-sha256': hash },
    body: bytes as BodyInit,
  });
  return hash;
}

/** A contribution, refused unless it matches the hash anchored on-chain. */
export async function downloadContribution(studyId: bigint, patient: Address, hash: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(
    await (await call(`/api/contributions/${hash}?study=${studyId}&patient=${patient}`)).arrayBuffer(),
  );
  if (sha256Hex(bytes) !== hash.toLowerCase()) {
    throw new ServerRequestError(422, 'This contribution does not match the hash anchored on-chain.');
  }
  return bytes;
}
