export type OwnChartErrorParameters = {
  /** Why, in more detail; safe to show under the short message. */
  details?: string;
  cause?: unknown;
};

/**
 * Base for every error the app shows. `shortMessage` is a sentence safe to show a patient;
 * `details` adds context; `walk()` finds a cause of a given kind.
 */
export class OwnChartError extends Error {
  override name = 'OwnChartError';
  readonly shortMessage: string;
  readonly details: string | undefined;

  constructor(shortMessage: string, parameters: OwnChartErrorParameters = {}) {
    super(parameters.details ? `${shortMessage}\n\nDetails: ${parameters.details}` : shortMessage, {
      cause: parameters.cause,
    });
    this.shortMessage = shortMessage;
    this.details = parameters.details;
  }

  /** The first error in the cause chain (this one included) that `predicate` accepts. */
  walk(predicate: (error: unknown) => boolean): unknown {
    return walkCauses(this, predicate);
  }
}

/** Follows `cause` links from `error` and returns the first one `predicate` accepts. */
export function walkCauses(error: unknown, predicate: (error: unknown) => boolean): unknown {
  let current: unknown = error;
  for (let depth = 0; current && depth < 20; depth++) {
    if (predicate(current)) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

/** The user closed or declined the wallet prompt. Nothing happened. */
export class UserRejectedError extends OwnChartError {
  override name = 'UserRejectedError';
  constructor(cause?: unknown) {
    super('You declined in your wallet. Nothing was changed.', { cause });
  }
}

/** The contract refused the transaction; the message says why in plain words. */
export class ContractRefusedError extends OwnChartError {
  override name = 'ContractRefusedError';
  readonly errorName: string;
  constructor(shortMessage: string, errorName: string, cause?: unknown) {
    super(shortMessage, { details: errorName, cause });
    this.errorName = errorName;
  }
}

/** The chain's RPC endpoint could not be reached. */
export class RpcUnreachableError extends OwnChartError {
  override name = 'RpcUnreachableError';
  constructor(cause?: unknown) {
    super('The blockchain node cannot be reached. Check your connection and try again.', { cause });
  }
}

/** A mined transaction that reverted. */
export class TransactionRevertedError extends OwnChartError {
  override name = 'TransactionRevertedError';
  constructor(hash: string) {
    super('The transaction was mined but failed. Nothing was changed.', { details: `Transaction ${hash}` });
  }
}
