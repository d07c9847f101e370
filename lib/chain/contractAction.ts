import type { Abi, Address, ContractFunctionArgs, ContractFunctionName } from 'viem';

/** A TanStack query key, as the key factories build them (lib/ does not import TanStack). */
export type InvalidatedKey = readonly unknown[];

/**
 * One contract write, named: what it says while it runs, the call, and the reads its receipt
 * makes stale. Features build these in `lib/<feature>/actions.ts`; `useAction` sends them.
 */
export type ContractAction = {
  /** What the transaction does, for the status line: "granting access to 0x12…". */
  label: string;
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  /** Queries the receipt makes stale; invalidated, in this order, before "confirmed" is shown. */
  invalidates: readonly InvalidatedKey[];
  /**
   * Work the receipt calls for, run once "confirmed" is shown and not waited for: a grant's key
   * sharing (`vaultKeys.keySync`), which reuses the reads `invalidates` has just refreshed.
   */
  followUps?: readonly InvalidatedKey[];
};

type Writable<abi extends Abi> = ContractFunctionName<abi, 'nonpayable' | 'payable'>;

/**
 * Types a write against its ABI where it is defined, so that every call site passes a plain
 * `ContractAction`.
 *
 * @example
 * export const revokeAccess = (config, { patient, grantee }) =>
 *   defineAction({ label: `revoking access for ${grantee}`, address: config.accessRegistry,
 *     abi: accessRegistryAbi, functionName: 'revoke', args: [patient, grantee], invalidates: [...] });
 */
export function defineAction<const abi extends Abi, functionName extends Writable<abi>>(action: {
  label: string;
  address: Address;
  abi: abi;
  functionName: functionName;
  args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>;
  invalidates: readonly InvalidatedKey[];
  followUps?: readonly InvalidatedKey[];
}): ContractAction {
  return action as unknown as ContractAction;
}
