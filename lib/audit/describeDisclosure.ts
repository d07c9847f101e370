import { describeScope } from '../categories';
import type { Disclosure } from './disclosureChain';

/** What a reader received, as the patient reads it. */
export const DISCLOSURE_KINDS: Record<Disclosure['kind'], string> = {
  record: 'A record',
  key: 'A category key',
  contribution: 'A de-identified study extract',
};

/**
 * The categories an entry disclosed, as a bit set. A record or key is of one category (its
 * number); a study extract covers the categories the study asked for (already a bit set).
 */
export function disclosedCategories(entry: Pick<Disclosure, 'kind' | 'category'>): number {
  return entry.kind === 'contribution' ? entry.category : 1 << entry.category;
}

/** The categories of an entry in words: "Labs and vitals", "Conditions, Medications". */
export function describeDisclosedCategories(entry: Pick<Disclosure, 'kind' | 'category'>): string {
  return describeScope(disclosedCategories(entry));
}
