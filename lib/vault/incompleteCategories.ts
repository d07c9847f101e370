import { CATEGORIES, type CategoryKey } from '../categories';
import type { VaultRecords } from './loadVaultRecords';

/**
 * Categories whose list this reader cannot trust to be whole: records the chain says exist that
 * the server did not show, or that could not be opened. A chart must not say "none recorded"
 * for these.
 */
export function incompleteCategories(vault: Pick<VaultRecords, 'records' | 'gaps'>): Set<CategoryKey> {
  const bits = new Set<number>();
  for (const gap of vault.gaps) {
    if (gap.kind === 'import') gap.categories.forEach((c) => bits.add(c));
    else bits.add(gap.category);
  }
  for (const record of vault.records) if (record.problem !== null) bits.add(record.category);
  return new Set(CATEGORIES.filter((c) => bits.has(c.bit)).map((c) => c.key));
}
