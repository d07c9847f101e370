import { describeScope } from '../categories';
import { plural } from '../format/plural';
import type { DisclosureBasis } from './disclosureChain';
import type { ReaderSummary } from './summarizeDisclosures';

/** On what basis a reader received something, as the patient reads it. */
export const DISCLOSURE_BASIS: Record<DisclosureBasis, string> = {
  grant: 'Your grant',
  emergency: 'Emergency access',
  caregiver: 'Caregiver',
  study: 'Study',
};

/** "5 records and 2 keys from Conditions, Immunizations · basis: Your grant": one reader's reads. */
export function describeReads(summary: Pick<ReaderSummary, 'records' | 'keys' | 'categories' | 'bases'>): string {
  const what = [
    summary.records > 0 && plural(summary.records, 'record'),
    summary.keys > 0 && plural(summary.keys, 'key'),
  ]
    .filter(Boolean)
    .join(' and ');
  const bases = summary.bases.map((basis) => DISCLOSURE_BASIS[basis]).join(', ');
  return `${what} from ${describeScope(summary.categories)} · basis: ${bases}`;
}
