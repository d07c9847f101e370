import {
  BaseError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  HttpRequestError,
  UserRejectedRequestError,
} from 'viem';
import { describe, expect, it } from 'vitest';
import { accessRegistryAbi } from '../../contracts-abi';
import { ContractRefusedError, RpcUnreachableError, UserRejectedError } from './OwnChartError';
import * as abis from '../../contracts-abi/abis';
import { REVERT_MESSAGES } from './revertMessages';
import { toOwnChartError } from './toOwnChartError';

function revert(errorName: string, args: readonly unknown[] = []) {
  const data = encodeErrorResult({ abi: accessRegistryAbi, errorName: errorName as never, args: args as never });
  const reverted = new ContractFunctionRevertedError({ abi: accessRegistryAbi, data, functionName: 'grant' });
  return new BaseError('simulate failed', { cause: reverted });
}

describe('toOwnChartError', () => {
  it('turns every custom error of every contract the app calls into a sentence', () => {
    const errors = Object.values(abis)
      .flat()
      .filter((item) => item.type === 'error')
      .map((item) => item.name);
    expect(errors.length).toBeGreaterThan(30);
    for (const name of errors) expect(REVERT_MESSAGES[name], name).toBeTruthy();
  });

  it('decodes a revert to its message, never hex', () => {
    const error = toOwnChartError(revert('AccessRegistryEmptyScope'));
    expect(error).toBeInstanceOf(ContractRefusedError);
    expect(error.shortMessage).toMatchInlineSnapshot(`"Choose at least one category of records to share."`);
    expect(error.shortMessage).not.toMatch(/0x/);
  });

  it('treats a wallet rejection calmly, through any wrapping', () => {
    const wrapped = new BaseError('write failed', { cause: new UserRejectedRequestError(new Error('no')) });
    expect(toOwnChartError(wrapped)).toBeInstanceOf(UserRejectedError);
    expect(toOwnChartError({ code: 4001, message: 'User rejected' })).toBeInstanceOf(UserRejectedError);
    expect(toOwnChartError(wrapped).shortMessage).toMatchInlineSnapshot(
      `"You declined in your wallet. Nothing was changed."`,
    );
  });

  it('reports an unreachable node as such', () => {
    const error = new BaseError('read failed', { cause: new HttpRequestError({ url: 'http://127.0.0.1:1' }) });
    expect(toOwnChartError(error)).toBeInstanceOf(RpcUnreachableError);
  });
});
