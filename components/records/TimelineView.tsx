'use client';

import type { TimelineEntry, TimelineKind, TimelineYear } from '@/lib/fhir/timeline';
import { formatFhirDate } from '@/lib/format/formatDate';
import { ShowAllButton, useShowAll } from '@/components/ui/ShowAll';

const YEARS_SHOWN = 3;

const KIND: Record<TimelineKind, { label: string; many: string }> = {
  visit: { label: 'Visit', many: 'visits' },
  note: { label: 'Note', many: 'notes' },
  vaccine: { label: 'Vaccine', many: 'doses' },
  procedure: { label: 'Procedure', many: 'times' },
};

function Entry({ entry }: { entry: TimelineEntry }) {
  const kind = KIND[entry.kind];
  const last = entry.last ? formatFhirDate(entry.last) : null;
  const when = entry.count > 1 ? `${entry.count} ${kind.many}${last ? `, last ${last}` : ''}` : last;
  return (
    <li className="border-b border-slate-200 py-2 last:border-0">
      <p>
        <span className="font-medium">{kind.label}:</span> {entry.title}
        {entry.detail && <span className="text-slate-800"> · {entry.detail}</span>}
      </p>
      {when && <p className="text-sm text-slate-700">{when}</p>}
    </li>
  );
}

/**
 * Visits, notes, vaccines and procedures by year, the same events of a year on one line. Opens on
 * the latest years; a note under "Not shared with you" names what the timeline cannot include.
 */
export function TimelineView({
  years,
  hidden,
  incomplete,
}: {
  years: readonly TimelineYear[];
  /** Categories of the timeline this reader was not given. */
  hidden: readonly string[];
  /** Categories of the timeline with records that could not be opened. */
  incomplete: readonly string[];
}) {
  const list = useShowAll(years, YEARS_SHOWN);
  return (
    <section aria-labelledby="timeline-heading" className="card space-y-3">
      <h2 id="timeline-heading" className="text-xl font-semibold">
        Timeline
      </h2>
      {hidden.length > 0 && (
        <p className="text-slate-700">Not shared with you, so not in this timeline: {hidden.join(', ')}.</p>
      )}
      {incomplete.length > 0 && (
        <p className="font-medium text-red-900">
          <span aria-hidden="true">⚠ </span>Some records ({incomplete.join(', ')}) could not be read, so this timeline
          may be incomplete.
        </p>
      )}
      {years.length === 0 && incomplete.length === 0 && (
        <p>
          {hidden.length > 0
            ? 'No visits, notes, vaccines or procedures in what was shared with you.'
            : 'No visits, notes, vaccines or procedures recorded.'}
        </p>
      )}
      {list.shown.map((year) => (
        <section key={year.year ?? 'undated'} aria-labelledby={`timeline-${year.year ?? 'undated'}`}>
          <h3 id={`timeline-${year.year ?? 'undated'}`} className="text-lg font-semibold">
            {year.year ?? 'Date unknown'}
          </h3>
          <ul>
            {year.entries.map((entry) => (
              <Entry key={`${entry.kind}|${entry.title}|${entry.detail}`} entry={entry} />
            ))}
          </ul>
        </section>
      ))}
      <ShowAllButton
        list={list}
        more={`Show all ${years.length} years`}
        fewer={`Show the latest ${YEARS_SHOWN} years`}
      />
    </section>
  );
}
