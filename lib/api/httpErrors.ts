import type { OperationOutcome } from '@medplum/fhirtypes';

/**
 * A JSON error response in FHIR's OperationOutcome shape, with a sentence a person can read in
 * `issue[0].details.text`.
 */
export function errorResponse(status: number, message: string, headers: HeadersInit = {}): Response {
  const code =
    status === 401
      ? 'login'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not-found'
          : status === 413
            ? 'too-long'
            : 'invalid';
  const outcome: OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, details: { text: message } }],
  };
  return Response.json(outcome, { status, headers });
}
