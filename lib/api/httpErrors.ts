import type { OperationOutcome } from '@medplum/fhirtypes';

/** FHIR's issue type for each status the server answers with. */
const ISSUE_CODES: Record<number, NonNullable<OperationOutcome['issue']>[number]['code']> = {
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-long',
  415: 'not-supported',
  429: 'throttled',
  500: 'exception',
  503: 'transient',
};

/**
 * A JSON error response in FHIR's OperationOutcome shape, with a sentence a person can read in
 * `issue[0].details.text`.
 */
export function errorResponse(status: number, message: string, headers: HeadersInit = {}): Response {
  const outcome: OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: ISSUE_CODES[status] ?? 'invalid', details: { text: message } }],
  };
  return Response.json(outcome, { status, headers: { 'cache-control': 'no-store', ...headers } });
}
