import { BaseError as ViemBaseError, ContractFunctionRevertedError, UserRejectedRequestError } from 'viem';
import { isRpcUnavailable } from './isRpcUnavailable';
import {
  ContractRefusedError,
  OwnChartError,
  RpcUnreachableError,
  UserRejectedError,
  walkCauses,
} from './OwnChartError';
import { REVERT_MESSAGES } from './revertMessages';

function isUserRejection(error: unknown): boolean {
  if (error instanceof UserRejectedRequestError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === 4001 || code === 'ACTION_REJECTED';
}

/**
 * Wraps any error from a wallet, viem or the RPC into one OwnChartError shape, once, at the
 * boundary. Contract reverts become the sentence from REVERT_MESSAGES.
 */
export function toOwnChartError(error: unknown): OwnChartError {
  if (error instanceof OwnChartError) return error;
  if (walkCauses(error, isUserRejection)) return new UserRejectedError(error);

  const reverted = walkCauses(error, (e) => e instanceof ContractFunctionRevertedError) as
    ContractFunctionRevertedError | undefined;
  if (reverted) {
    const errorName = reverted.data?.errorName;
    if (errorName && REVERT_MESSAGES[errorName]) {
      return new ContractRefusedError(REVERT_MESSAGES[errorName], errorName, error);
    }
    return new ContractRefusedError('The contract refused this transaction.', errorName ?? 'unknown', error);
  }

  if (isRpcUnavailable(error)) {
    return new RpcUnreachableError(error);
  }
  if (error instanceof ViemBaseError) {
    return new OwnChartError('Something went wrong talking to the blockchain.', {
      details: error.shortMessage,
      cause: error,
    });
  }
  return new OwnChartError('Something went wrong.', {
    details: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}
