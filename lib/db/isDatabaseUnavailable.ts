import { walkCauses } from '../errors/OwnChartError';
import { DatabaseUnavailableError } from './openDatabase';

/** Socket errors, and PostgreSQL's SQLSTATE classes 08 (connection) and 57P (operator intervention). */
const UNAVAILABLE_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|08...|57P0[1-3])$/;

/**
 * The server database could not be reached or went away mid-request: the answer is 503 "try
 * again", and its transaction (if any) was rolled back, so nothing was half-written.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return (
    walkCauses(error, (e) => {
      if (e instanceof DatabaseUnavailableError) return true;
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
      // node-postgres says these in words, with no code.
      const message = e instanceof Error ? e.message : '';
      return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
        message,
      );
    }) !== undefined
  );
}
