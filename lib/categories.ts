/**
 * Record categories. On-chain a grant's scope is only a bit set; what each bit means lives here,
 * off-chain, so the chain never says what kind of health data a category holds.
 */
export const CATEGORIES = [
  { bit: 0, key: 'conditions', label: 'Conditions' },
  { bit: 1, key: 'medications', label: 'Medications' },
  { bit: 2, key: 'allergies', label: 'Allergies' },
  { bit: 3, key: 'immunizations', label: 'Immunizations' },
  { bit: 4, key: 'labs', label: 'Labs and vitals' },
  { bit: 5, key: 'procedures', label: 'Procedures' },
  { bit: 6, key: 'encounters', label: 'Encounters' },
  { bit: 7, key: 'documents', label: 'Documents' },
  { bit: 8, key: 'other', label: 'Other' },
] as const;

export type Category = (typeof CATEGORIES)[number];
export type CategoryKey = Category['key'];

/** Every category we know of: what "All records" grants. */
export const ALL_CATEGORIES_MASK = CATEGORIES.reduce((mask, c) => mask | (1 << c.bit), 0);

/** The bit set for a list of category keys. */
export function categoriesToMask(keys: readonly CategoryKey[]): number {
  return CATEGORIES.filter((c) => keys.includes(c.key)).reduce((mask, c) => mask | (1 << c.bit), 0);
}

/** The known categories in a bit set, in display order. */
export function maskToCategories(mask: number): Category[] {
  return CATEGORIES.filter((c) => (mask & (1 << c.bit)) !== 0);
}

/** A short human description of a scope: "All records" or the category labels. */
export function describeScope(mask: number): string {
  if ((mask & ALL_CATEGORIES_MASK) === ALL_CATEGORIES_MASK) return 'All records';
  const labels = maskToCategories(mask).map((c) => c.label);
  return labels.length > 0 ? labels.join(', ') : 'No known categories';
}

/** Every category number a grant's bit set can hold (0–31): what access and a census are judged over. */
export const EVERY_CATEGORY_NUMBER: readonly number[] = Array.from({ length: 32 }, (_, category) => category);
