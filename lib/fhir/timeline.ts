import type { DocumentReference, Encounter, Immunization, Procedure, Resource } from '@medplum/fhirtypes';
import { fhirDayUtc } from '../format/formatDate';
import { describeConcept } from './describeConcept';
import { encounterClass } from './encounterClass';

export type TimelineKind = 'visit' | 'note' | 'vaccine' | 'procedure';

/** One line of the timeline: an event, or identical events of one year merged with their count. */
export type TimelineEntry = {
  kind: TimelineKind;
  title: string;
  detail: string | null;
  count: number;
  /** The latest of the merged events (FHIR date or date-time); null when undated. */
  last: string | null;
};

/** A year of the timeline, newest year first; undated events come last, under year null. */
export type TimelineYear = { year: string | null; entries: TimelineEntry[] };

type Event = Omit<TimelineEntry, 'count' | 'last'> & { date: string | null };

/** A detail with the record's status in words, unless the status is one of `done` (or absent). */
function withStatus(detail: string | null, status: string | undefined, done: readonly string[]): string | null {
  if (status === undefined || done.includes(status)) return detail;
  const words = status.replace(/-/g, ' ');
  return detail ? `${detail} · ${words}` : words;
}

function eventOf(resource: Resource): Event | null {
  switch (resource.resourceType) {
    case 'Encounter': {
      const encounter = resource as Encounter;
      if (encounter.status === 'entered-in-error' || encounter.status === 'cancelled') return null;
      return {
        kind: 'visit',
        title: describeConcept(
          encounter.type?.[0] ?? encounter.serviceType ?? (encounter.class && { coding: [encounter.class] }),
        ),
        // A planned or ongoing visit is not one that happened: it never merges with finished ones.
        detail: withStatus(encounterClass(encounter), encounter.status, ['finished']),
        date: encounter.period?.start ?? null,
      };
    }
    case 'DocumentReference': {
      const document = resource as DocumentReference;
      if (document.status === 'entered-in-error') return null;
      return {
        kind: 'note',
        title: document.description ?? describeConcept(document.type),
        detail: null,
        date: document.date ?? null,
      };
    }
    case 'Immunization': {
      const immunization = resource as Immunization;
      if (immunization.status === 'entered-in-error') return null;
      return {
        kind: 'vaccine',
        title: describeConcept(immunization.vaccineCode),
        detail: immunization.status === 'not-done' ? 'not done' : null,
        date: immunization.occurrenceDateTime ?? null,
      };
    }
    case 'Procedure': {
      const procedure = resource as Procedure;
      if (procedure.status === 'entered-in-error') return null;
      return {
        kind: 'procedure',
        title: describeConcept(procedure.code),
        detail: withStatus(null, procedure.status, ['completed']),
        date: procedure.performedDateTime ?? procedure.performedPeriod?.start ?? null,
      };
    }
    default:
      return null;
  }
}

/**
 * Visits, notes, vaccines and procedures by year, newest first. Within a year the same event
 * (same kind, name and detail) is one line with its count and latest date, so a yearly check-up
 * recorded as twelve identical encounters reads as one line of twelve, and a dose recorded as not
 * given never merges with doses that were.
 */
export function timeline(resources: readonly Resource[]): TimelineYear[] {
  const years = new Map<string | null, Map<string, TimelineEntry>>();
  for (const resource of resources) {
    const event = eventOf(resource);
    if (!event) continue;
    // The year of the day the timeline shows (UTC), so an entry never sits under the wrong year.
    const year = (event.date && fhirDayUtc(event.date)?.slice(0, 4)) ?? null;
    const entries = years.get(year) ?? new Map<string, TimelineEntry>();
    const key = JSON.stringify([event.kind, event.title, event.detail]);
    const merged = entries.get(key);
    if (merged) {
      merged.count += 1;
      if ((event.date ?? '') > (merged.last ?? '')) merged.last = event.date;
    } else {
      entries.set(key, { kind: event.kind, title: event.title, detail: event.detail, count: 1, last: event.date });
    }
    years.set(year, entries);
  }
  return [...years.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b.localeCompare(a)))
    .map(([year, entries]) => ({
      year,
      entries: [...entries.values()].sort(
        (a, b) => (b.last ?? '').localeCompare(a.last ?? '') || a.title.localeCompare(b.title),
      ),
    }));
}
