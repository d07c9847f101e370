import 'server-only';
import { getAddress, isAddress, type Address, type PublicClient } from 'viem';
import { researchStudiesAbi } from '../../contracts-abi';
import type { DisclosureRecorder } from '../audit/DisclosureRecorder';
import { contributionScope, DOCUMENT_SCOPE, isContentHash, type BlobStore } from '../storage/BlobStore';
import { sha256Hex } from '../storage/sha256Hex';
import { errorResponse } from './httpErrors';
import type { Pipeline } from './pipeline';
import { readLimited } from './readLimited';
import type { UploadQuota } from './uploadQuota';

/** A study's description or consent document: small JSON, public to anyone signed in. */
export const MAX_STUDY_DOCUMENT_BYTES = 64 * 1024;
/** A de-identified extract of a large record fits many times over. */
export const MAX_CONTRIBUTION_BYTES = 10 * 1024 * 1024;

export type StudyDependencies = {
  pipeline: Pipeline;
  /** Study descriptions and consent documents (public). */
  documents: BlobStore;
  /** Encrypted contributions (only the patient and the study's researcher read one). */
  contributions: BlobStore;
  /** Every contribution handed to a researcher is recorded here before it is served. */
  disclosures: DisclosureRecorder;
  /** Bounds contributions stored but never anchored (a retry may replace one; a flood may not). */
  contributionQuota: UploadQuota;
  client: PublicClient;
  studies: Address;
  now?: () => number;
};

const ENROLLED = 1;
const SUBMITTED = 1;
const ACCEPTED = 2;

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
 * enrolled in an open study and stored in that study's and patient's scope; it is served to that
 * patient, and to the study's researcher only once the researcher has accepted it (paid for it)
 * and only while the patient's consent stands, each such read recorded as a disclosure.
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
    } catch (error) {
      // ResearchStudiesNotFound reverts; anything else (node down) is not "no such study".
      if (error instanceof Error && /ResearchStudiesNotFound/.test(error.message)) return null;
      throw error;
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
    putDocument: deps.pipeline.endpoint(
      { limit: 'document', json: true, signIn: 'Sign in to publish a study.' },
      async ({ request, session }) => {
        const bytes = await readLimited(request, MAX_STUDY_DOCUMENT_BYTES);
        if (!bytes) return errorResponse(413, 'This document is too long (limit 64 KB).');
        if (!isStudyDocument(bytes)) return errorResponse(422, 'This is not a study description or consent document.');
        const { hash } = await deps.documents.put(DOCUMENT_SCOPE, bytes, { uploader: session.address, category: null });
        return Response.json({ hash }, { status: 201 });
      },
    ),

    /** GET /api/studies/documents/{hash} */
    getDocument: deps.pipeline.endpoint(
      { limit: 'read', signIn: 'Sign in to read studies.' },
      async (_context, hash: string) => {
        if (!isContentHash(hash)) return errorResponse(400, 'Ask for a document by its content hash.');
        const bytes = await deps.documents.get(DOCUMENT_SCOPE, hash);
        if (!bytes) return errorResponse(404, 'No such study document.');
        return new Response(bytes as BodyInit, { headers: { 'content-type': 'application/json' } });
      },
    ),

    /** POST /api/contributions?study=N, body: ciphertext, header x-content-sha256 */
    uploadContribution: deps.pipeline.endpoint(
      { limit: 'write', signIn: 'Sign in to contribute.' },
      async ({ request, session }) => {
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
          return errorResponse(
            422,
            'The contribution arrived damaged: its content does not match its hash. Try again.',
          );
        }
        const scope = contributionScope(id, session.address);
        const room = await deps.contributionQuota.reserve({
          scope,
          uploader: session.address,
          hash: claimed,
          bytes: bytes.length,
        });
        if (!room.ok) return errorResponse(413, room.message);
        const { hash } = await deps.contributions.put(scope, bytes, { uploader: session.address, category: null });
        return Response.json({ hash }, { status: 201 });
      },
    ),

    /** GET /api/contributions/{hash}?study=N&patient=0x… */
    downloadContribution: deps.pipeline.endpoint(
      { limit: 'read', signIn: 'Sign in to read contributions.' },
      async ({ request, session }, hash: string) => {
        const url = new URL(request.url);
        const id = studyId(url);
        const patient = url.searchParams.get('patient') ?? '';
        if (id === null || !isAddress(patient) || !isContentHash(hash)) {
          return errorResponse(400, 'Ask for a contribution by study, patient and content hash.');
        }
        const contributor = getAddress(patient);
        const [found, standing] = await Promise.all([study(id), participation(id, contributor)]);
        if (!found) return errorResponse(404, 'No such study.');
        const isPatient = session.address === contributor;
        if (session.address !== found.researcher && !isPatient) {
          return errorResponse(403, 'Only the patient and the study’s researcher can read a contribution.');
        }
        if (standing.contributionHash.toLowerCase() !== hash) return errorResponse(404, 'No such contribution.');
        if (!isPatient) {
          if (standing.enrolment !== ENROLLED) {
            return errorResponse(
              403,
              'The patient has withdrawn their consent: this contribution is no longer available.',
            );
          }
          if (standing.contribution === SUBMITTED) {
            return errorResponse(403, 'Accept this contribution (which pays its reward) before downloading it.');
          }
          if (standing.contribution !== ACCEPTED) return errorResponse(404, 'No such contribution.');
        }
        const bytes = await deps.contributions.get(contributionScope(id, contributor), hash);
        if (!bytes) return errorResponse(404, 'This contribution is anchored but its content is not stored here.');
        if (!isPatient) {
          await deps.disclosures.record([
            {
              patient: contributor,
              reader: session.address,
              kind: 'contribution',
              category: found.categories,
              contentHash: hash,
              basis: 'study',
              at: now(),
            },
          ]);
        }
        return new Response(bytes as BodyInit, {
          headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' },
        });
      },
    ),
  };
}
