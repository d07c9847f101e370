import type { DocumentReference } from '@medplum/fhirtypes';
import { noteContent } from '../fhir/clinicalNote';
import { describeResource } from '../fhir/describeResource';
import { noteWords } from '../fhir/noteWords';
import { fhirDayUtc } from '../format/formatDate';
import type { OpenedRecord } from './openRecords';

/** What a reader searches for; empty fields do not filter. Dates are YYYY-MM-DD, inclusive. */
export type RecordFilter = { text: string; category: number | null; from: string; to: string };

export const NO_FILTER: RecordFilter = { text: '', category: null, from: '', to: '' };

export function isFiltering(filter: RecordFilter): boolean {
  return filter.text.trim() !== '' || filter.category !== null || filter.from !== '' || filter.to !== '';
}

export type FilteredRecords = {
  /** Readable records that match, newest first (undated last). */
  matches: (OpenedRecord & { problem: null })[];
  /** Records that could not be opened: their content cannot be searched, so they are counted apart. */
  unsearchable: number;
};

/** Everything a word may match: the record's name, kind and code, and a note's text. */
function searchableText(record: OpenedRecord & { problem: null }): string {
  const { title, kind } = describeResource(record.resource);
  const parts = [title, kind];
  if (record.resource.resourceType === 'DocumentReference') {
    const note = noteContent(record.resource as DocumentReference);
    if (note) parts.push(noteWords(note));
  }
  const code = (record.resource as { code?: { coding?: { code?: string }[] } }).code;
  for (const coding of code?.coding ?? []) if (coding.code) parts.push(coding.code);
  return parts.join(' ').toLowerCase();
}

/**
 * The records matching every word of the text (in any order, any case), the category and the
 * date range. A record without a date never matches a date range: "unknown" is not "in range".
 */
export function filterRecords(records: readonly OpenedRecord[], filter: RecordFilter): FilteredRecords {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  let unsearchable = 0;
  const matches: { record: OpenedRecord & { problem: null }; date: string | null }[] = [];
  for (const record of records) {
    if (filter.category !== null && record.category !== filter.category) continue;
    if (record.problem !== null) {
      unsearchable += 1;
      continue;
    }
    const readable = record as OpenedRecord & { problem: null };
    const { date } = describeResource(readable.resource);
    // The day as the list shows it (UTC), so a record dated 31 Dec is never filed under 1 Jan.
    const day = date ? fhirDayUtc(date) : null;
    if ((filter.from || filter.to) && day === null) continue;
    // A partial date ("2019", "2019-03") is a span: it is in range if any of its days is.
    if (filter.from && `${day}\uffff` < filter.from) continue;
    if (filter.to && day! > filter.to) continue;
    if (words.length > 0) {
      const text = searchableText(readable);
      if (!words.every((word) => text.includes(word))) continue;
    }
    matches.push({ record: readable, date });
  }
  matches.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return { matches: matches.map((m) => m.record), unsearchable };
}
