import type { Address } from 'viem';
import type { Disclosure, LoggedDisclosure } from './disclosureChain';

/**
 * The accounting of disclosures: append-only and hash-chained. The embedded default is a file on
 * disk (FsDisclosureLog); a database table or an append-only object store could implement it too.
 */
export interface DisclosureLog {
  append(disclosures: readonly Disclosure[]): Promise<void>;
  /** Every entry, oldest first (for verification against the chain). */
  entries(): Promise<LoggedDisclosure[]>;
  /** One patient's entries, newest first. */
  forPatient(patient: Address): Promise<LoggedDisclosure[]>;
  /** Entries so far and the hash of the last one: what is anchored on-chain. */
  head(): Promise<{ count: number; hash: `0x${string}` } | null>;
}
