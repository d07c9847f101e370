import type { OperationOutcome } from '@medplum/fhirtypes';
import { OwnChartError } from '../errors/OwnChartError';

/** The OwnChart server refused or failed a request; `status` is the HTTP status. */
export class ServerRequestError extends OwnChartError {
  override name = 'ServerRequestError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message, { details: `HTTP ${status}` });
  }
}

/** The OwnChart server could not be reached at all. */
export class ServerUnreachableError extends OwnChartError {
  override name = 'ServerUnreachableError';
  constructor(cause: unknown) {
    super('The OwnChart storage server cannot be reached. Check your connection and try again.', { cause });
  }
}

/** A same-origin request to the OwnChart server; a refusal throws with the server's sentence. */
export async function call(path: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (error) {
    throw new ServerUnreachableError(error);
  }
  if (response.ok) return response;
  let message = `The storage server answered ${response.status}.`;
  try {
    const outcome = (await response.json()) as OperationOutcome;
    message = outcome.issue?.[0]?.details?.text ?? message;
  } catch {
    // Not an OperationOutcome: keep the status sentence.
  }
  throw new ServerRequestError(response.status, message);
}

/** A JSON POST body. */
export const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
