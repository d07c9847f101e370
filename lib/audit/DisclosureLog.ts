import type { Address } from 'viem';
import type { Disclosure, LoggedDisclosure } from './disclosureChain';

/**
 * The accounting of disclosures: append-only and hash-chained, kept in the server database
 * (lib/db/SqlDisclosureLog.ts).
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
