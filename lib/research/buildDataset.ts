import type { Resource } from '@medplum/fhirtypes';
import type { ContributionEntry } from './readStudies';
import { toCsv, toNdjson, type ParticipantExtract } from './toDataset';

export type DatasetFormat = 'csv' | 'ndjson';

export type DatasetFile = { name: string; content: string; type: string };

/** The contributions a researcher may build a dataset from: accepted, with consent still given. */
export function datasetContributions(entries: readonly ContributionEntry[]): ContributionEntry[] {
  // Withdrawn consent closes the data again, paid for or not: the server serves it no more.
  return entries.filter((c) => c.status === 'accepted' && c.enrolment === 'enrolled');
}

/**
 * A study's dataset as one file: each contribution opened in turn (one at a time, so a large
 * study does not hold every sealed blob at once), participants numbered P1, P2… in list order,
 * never by address.
 */
export async function buildDataset(
  studyId: bigint,
  entries: readonly ContributionEntry[],
  format: DatasetFormat,
  open: (entry: ContributionEntry) => Promise<Resource[]>,
): Promise<DatasetFile> {
  const extracts: ParticipantExtract[] = [];
  for (const [index, entry] of entries.entries()) {
    extracts.push({ participant: `P${index + 1}`, resources: await open(entry) });
  }
  const name = `study-${studyId}-dataset`;
  return format === 'csv'
    ? { name: `${name}.csv`, content: toCsv(extracts), type: 'text/csv' }
    : { name: `${name}.ndjson`, content: toNdjson(extracts), type: 'application/fhir+ndjson' };
}
