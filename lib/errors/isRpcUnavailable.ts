import { HttpRequestError, TimeoutError, WebSocketRequestError } from 'viem';
import { walkCauses } from './OwnChartError';

/**
 * The node or its RPC endpoint could not be reached (or did not answer in time): the answer is
 * "try again", never "you may not". One test for the browser's messages and the server's 503s.
 */
export function isRpcUnavailable(error: unknown): boolean {
  return (
    walkCauses(
      error,
      (e) => e instanceof HttpRequestError || e instanceof TimeoutError || e instanceof WebSocketRequestError,
    ) !== undefined
  );
}
