import { csvCell } from '../format/csvCell';
import { describeDisclosedCategories } from './describeDisclosure';
import type { LoggedDisclosure } from './disclosureChain';

const WHAT: Record<LoggedDisclosure['kind'], string> = {
  record: 'record',
  key: 'category key',
  contribution: 'study extract',
};

const COLUMNS = ['time_utc', 'reader', 'what', 'category', 'record_hash', 'basis', 'log_entry', 'entry_hash'];

/** The patient's accounting of disclosures as CSV, one row per disclosure, with its log entry. */
export function disclosuresToCsv(entries: readonly LoggedDisclosure[]): string {
  const rows = entries.map((e) =>
    [
      new Date(e.at).toISOString(),
      e.reader,
      WHAT[e.kind],
      describeDisclosedCategories(e),
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
