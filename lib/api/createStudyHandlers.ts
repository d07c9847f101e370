import { getAddress, isAddress, type Address, type PublicClient } from 'viem';
import { researchStudiesAbi } from '../../contracts-abi';
import { isContentHash, type BlobStore } from '../storage/BlobStore';
import { sha256Hex } from '../storage/sha256Hex';
import { sessionOf } from './createAuthHandlers';
import { errorResponse } from './httpErrors';
import { readLimited } from './readLimited';

/** A study's description or consent document: small JSON, public to anyone signed in. */
export const MAX_STUDY_DOCUMENT_BYTES = 64 * 1024;
/** A de-identified extract of a large record fits many times over. */
export const MAX_CONTRIBUTION_BYTES = 10 * 1024 * 1024;

export type StudyDependencies = {
  /** Study descriptions and consent documents (public). */
  documents: BlobStore;
  /** Encrypted contributions (only the patient and the study's researcher read one). */
  contributions: BlobStore;
  client: PublicClient;
  studies: Address;
  sessionSecret: string;
  now?: () => number;
};

const ENROLLED = 1;

function isStudyDocument(bytes: Uint8Array): boolean {
  try {
    const document = JSON.parse(new TextDecoder().decode(bytes)) as { kind?: unknown };
    return document.kind === 'study-description' || document.kind === 'consent';
  } catch {
    return false;
  }
}

function studyId(url: URL): bigint | null {
  const value = url.searchParams.get('study') ?? '';
  return /^[1-9]\d{0,18}$/.test(value) ? BigInt(value) : null;
}

/**
 * Research storage. Study documents are public to anyone signed in and stored apart from records,
 * so no record blob can be fetched through them. A contribution is accepted only from a patient
 * enrolled in an open study, and served only to that patient and the study's researcher, and only
 * under the hash the chain anchored for that patient.
 */
export function createStudyHandlers(deps: StudyDependencies) {
  const now = deps.now ?? Date.now;

  async function study(id: bigint) {
    try {
      return await deps.client.readContract({
        address: deps.studies,
        abi: researchStudiesAbi,
        functionName: 'getStudy',
        args: [id],
      });
    } catch {
      return null;
    }
  }

  function participation(id: bigint, patient: Address) {
    return deps.client.readContract({
      address: deps.studies,
      abi: researchStudiesAbi,
      functionName: 'participationOf',
      args: [id, patient],
    });
  }

  return {
    /** POST /api/studies/documents, body: { kind: 'study-description' | 'consent', … } */
    async putDocument(request: Request): Promise<Response> {
      if (!sessionOf(request, deps.sessionSecret, now())) return errorResponse(401, 'Sign in to publish a study.');
      const bytes = await readLimited(request, MAX_STUDY_DOCUMENT_BYTES);
      if (!bytes) return errorResponse(413, 'This document is too long (limit 64 KB).');
      if (!isStudyDocument(bytes)) return errorResponse(422, 'This is not a study description or consent document.');
      return Response.json({ hash: await deps.documents.put(bytes) }, { status: 201 });
    },

    /** GET /api/studies/documents/{hash} */
    async getDocument(request: Request, hash: string): Promise<Response> {
      if (!sessionOf(request, deps.sessionSecret, now())) return errorResponse(401, 'Sign in to read studies.');
      if (!isContentHash(hash)) return errorResponse(400, 'Ask for a document by its content hash.');
      const bytes = await deps.documents.get(hash);
      if (!bytes) return errorResponse(404, 'No such study document.');
      return new Response(bytes as BodyInit, { headers: { 'content-type': 'application/json' } });
    },

    /** POST /api/contributions?study=N, body: ciphertext, header x-content-sha256 */
    async uploadContribution(request: Request): Promise<Response> {
      const session = sessionOf(request, deps.sessionSecret, now());
      if (!session) return errorResponse(401, 'Sign in to contribute.');
      const id = studyId(new URL(request.url));
      const claimed = request.headers.get('x-content-sha256') ?? '';
      if (id === null || !isContentHash(claimed)) {
        return errorResponse(400, 'Say which study this is for, with the SHA-256 of the contribution.');
      }
      const [found, standing] = await Promise.all([study(id), participation(id, session.address)]);
      if (!found) return errorResponse(404, 'No such study.');
      if (found.closed || found.endsAt * 1000 <= now()) return errorResponse(403, 'This study is no longer open.');
      if (standing.enrolment !== ENROLLED) {
        return errorResponse(403, 'Only patients enrolled in this study, who have not withdrawn, can contribute.');
      }
      const bytes = await readLimited(request, MAX_CONTRIBUTION_BYTES);
      if (!bytes) return errorResponse(413, 'This contribution is too large (limit 10 MB).');
      if (sha256Hex(bytes) !== claimed) {
        return errorResponse(422, 'The contribution arrived damaged: its content does not match its hash. Try again.');
      }
      return Response.json({ hash: await deps.contributions.put(bytes) }, { status: 201 });
    },

    /** GET /api/contributions/{hash}?study=N&patient=0x… */
    async downloadContribution(request: Request, hash: string): Promise<Response> {
      const session = sessionOf(request, deps.sessionSecret, now());
      if (!session) return errorResponse(401, 'Sign in to read contributions.');
      const url = new URL(request.url);
      const id = studyId(url);
      const patient = url.searchParams.get('patient') ?? '';
      if (id === null || !isAddress(patient) || !isContentHash(hash)) {
        return errorResponse(400, 'Ask for a contribution by study, patient and content hash.');
      }
      const [found, standing] = await Promise.all([study(id), participation(id, getAddress(patient))]);
      if (!found) return errorResponse(404, 'No such study.');
      if (session.address !== found.researcher && session.address !== getAddress(patient)) {
        return errorResponse(403, 'Only the patient and the study’s researcher can read a contribution.');
      }
      if (standing.contributionHash.toLowerCase() !== hash) return errorResponse(404, 'No such contribution.');
      const bytes = await deps.contributions.get(hash);
      if (!bytes) return errorResponse(404, 'This contribution is anchored but its content is not stored here.');
      return new Response(bytes as BodyInit, {
        headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' },
      });
    },
  };
}
