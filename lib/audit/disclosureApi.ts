import type { Address } from 'viem';
import { call } from '../api/serverRequest';
import type { LoggedDisclosure } from './disclosureChain';

export type DisclosureReport = {
  entries: LoggedDisclosure[];
  logCount: number;
  anchoredCount: number;
  /** The server's time of the answer, milliseconds: the clock every entry's `at` is on. */
  serverTime: number;
};

export async function fetchDisclosures(patient: Address): Promise<DisclosureReport> {
  return (await (await call(`/api/disclosures?patient=${patient}`)).json()) as DisclosureReport;
}

export async function anchorDisclosuresNow(): Promise<{ count: number }> {
  return (await (await call('/api/disclosures/anchor', { method: 'POST' })).json()) as { count: number };
}
