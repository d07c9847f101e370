import type { Resource } from '@medplum/fhirtypes';
import type { OpenedRecord } from './openRecords';

/** The FHIR resources of the records that opened (a missing or damaged one has none). */
export function openedResources(records: readonly OpenedRecord[]): Resource[] {
  return records.flatMap((r) => (r.resource ? [r.resource] : []));
}
