import type { Resource } from '@medplum/fhirtypes';
import { CATEGORIES, type CategoryKey } from '../categories';
import { categorizeResource } from './categorizeResource';

export type ImportPreview = {
  total: number;
  /** Resource type → count, most frequent first. */
  byType: [string, number][];
  /** Category → count, in category order, only categories present. */
  byCategory: [CategoryKey, number][];
};

/** What an import would store, shown to the patient before anything is stored. */
export function summarizeResources(resources: readonly Resource[]): ImportPreview {
  const types = new Map<string, number>();
  const categories = new Map<CategoryKey, number>();
  for (const resource of resources) {
    types.set(resource.resourceType, (types.get(resource.resourceType) ?? 0) + 1);
    const category = categorizeResource(resource);
    categories.set(category, (categories.get(category) ?? 0) + 1);
  }
  return {
    total: resources.length,
    byType: [...types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    byCategory: CATEGORIES.filter((c) => categories.has(c.key)).map((c) => [c.key, categories.get(c.key)!]),
  };
}
