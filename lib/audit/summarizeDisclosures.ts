import type { Address } from 'viem';
import { disclosedCategories } from './describeDisclosure';
import type { DisclosureBasis, LoggedDisclosure } from './disclosureChain';

export type ReaderSummary = {
  reader: Address;
  records: number;
  keys: number;
  /** The categories this reader received something from, as a bit set (like a grant's scope). */
  categories: number;
  bases: DisclosureBasis[];
  firstAt: number;
  lastAt: number;
};

/**
 * One line per reader — how many records and keys, from which categories, on what basis, first
 * and last — most recent reader first: what a patient asks before reading six hundred log lines.
 */
export function summarizeDisclosures(entries: readonly LoggedDisclosure[]): ReaderSummary[] {
  const byReader = new Map<string, ReaderSummary>();
  for (const entry of entries) {
    const id = entry.reader.toLowerCase();
    const summary = byReader.get(id) ?? {
      reader: entry.reader,
      records: 0,
      keys: 0,
      categories: 0,
      bases: [],
      firstAt: entry.at,
      lastAt: entry.at,
    };
    if (entry.kind === 'key') summary.keys += 1;
    else summary.records += 1;
    summary.categories |= disclosedCategories(entry);
    if (!summary.bases.includes(entry.basis)) summary.bases.push(entry.basis);
    summary.firstAt = Math.min(summary.firstAt, entry.at);
    summary.lastAt = Math.max(summary.lastAt, entry.at);
    byReader.set(id, summary);
  }
  return [...byReader.values()].sort((a, b) => b.lastAt - a.lastAt);
}
