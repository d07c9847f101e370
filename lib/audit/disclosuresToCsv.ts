import { CATEGORIES } from '../categories';
import { csvCell } from '../format/csvCell';
import type { LoggedDisclosure } from './disclosureChain';

const COLUMNS = ['time_utc', 'reader', 'what', 'category', 'record_hash', 'basis', 'log_entry', 'entry_hash'];

/** The patient's accounting of disclosures as CSV, one row per disclosure, with its log entry. */
export function disclosuresToCsv(entries: readonly LoggedDisclosure[]): string {
  const rows = entries.map((e) =>
    [
      new Date(e.at).toISOString(),
      e.reader,
      e.kind === 'record' ? 'record' : 'category key',
      CATEGORIES.find((c) => c.bit === e.category)?.label ?? `category ${e.category}`,
      e.contentHash ?? '',
      e.basis,
      String(e.seq),
      e.hash,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[COLUMNS.join(','), ...rows].join('\n')}\n`;
}
