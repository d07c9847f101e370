import type { Address } from 'viem';
import { CATEGORIES, type CategoryKey } from '@/lib/categories';
import { formatFhirDate } from '@/lib/format/formatDate';
import type { Absence, AbsenceTopic } from '@/lib/fhir/absenceStatements';
import type { ChartRow, ChartSummary } from '@/lib/fhir/toChartSummary';
import { AccountName } from '@/components/ui/AccountName';
import { NoteBody } from './NoteBody';

type ListKey = Exclude<keyof ChartSummary, 'absence'>;

type SectionSpec = {
  key: ListKey;
  heading: string;
  category: CategoryKey;
  /** What an empty list says; for the topics where "none" must be stated, by why it is empty. */
  empty: string | { topic: AbsenceTopic; text: Record<Absence, string> };
};

const SECTIONS: SectionSpec[] = [
  {
    key: 'activeConditions',
    heading: 'Active conditions',
    category: 'conditions',
    empty: {
      topic: 'problems',
      text: {
        'none-known': 'No known problems: the record states there are none.',
        'none-current': 'No active conditions: the records list only resolved or inactive ones.',
        unavailable: 'No problem information: the record says it was not available.',
        'not-recorded': 'No problem information recorded.',
      },
    },
  },
  {
    key: 'currentMedications',
    heading: 'Current medications',
    category: 'medications',
    empty: {
      topic: 'medications',
      text: {
        'none-known': 'No current medications: the record states there are none.',
        'none-current': 'No current medications: the records list only stopped or past ones.',
        unavailable: 'No medication information: the record says it was not available.',
        'not-recorded': 'No medication information recorded.',
      },
    },
  },
  {
    key: 'allergies',
    heading: 'Allergies',
    category: 'allergies',
    empty: {
      topic: 'allergies',
      text: {
        'none-known': 'No known allergies: the record states there are none.',
        'none-current': 'No current allergies: the records list only inactive or resolved ones.',
        unavailable: 'No allergy information: the record says it was not available.',
        'not-recorded': 'No allergy information recorded.',
      },
    },
  },
  { key: 'immunizations', heading: 'Immunizations', category: 'immunizations', empty: 'No immunizations recorded.' },
  { key: 'recentLabs', heading: 'Recent labs and vitals', category: 'labs', empty: 'No lab results or vitals.' },
  { key: 'notes', heading: 'Notes and documents', category: 'documents', empty: 'No notes or documents.' },
];

function Row({ row, author }: { row: ChartRow; author: Address | undefined }) {
  return (
    <li className="border-b border-slate-200 py-2 last:border-0">
      <p className="font-medium">{row.title}</p>
      {row.detail && <p className="whitespace-pre-line text-slate-800">{row.detail}</p>}
      {row.note && <NoteBody note={row.note} label={row.title} />}
      <p className="text-sm text-slate-700">
        {formatFhirDate(row.date)}
        {author && (
          <>
            {' · Written by '}
            <AccountName address={author} />
          </>
        )}
      </p>
    </li>
  );
}

/**
 * The readable chart: one section per kind of information, each saying plainly when it is empty
 * or outside what this reader was granted.
 */
export function ChartSummaryView({
  summary,
  readableCategories,
  incompleteCategories,
  authorOf,
}: {
  summary: ChartSummary;
  /** Category keys this reader may read; the rest are shown as outside their grant. */
  readableCategories: ReadonlySet<CategoryKey>;
  /** Categories with records that exist but could not be shown: never "none recorded". */
  incompleteCategories: ReadonlySet<CategoryKey>;
  /** The on-chain author of a row's record, when it was not the patient. */
  authorOf: (rowId: string) => Address | undefined;
}) {
  return (
    <section aria-labelledby="chart-heading" className="space-y-4">
      <h2 id="chart-heading" className="text-2xl font-semibold">
        Chart summary
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        {SECTIONS.map((section) => {
          const rows = summary[section.key];
          const headingId = `chart-${section.key}`;
          const label = CATEGORIES.find((c) => c.key === section.category)!.label;
          return (
            <section key={section.key} aria-labelledby={headingId} className="card space-y-2">
              <h3 id={headingId} className="text-lg font-semibold">
                {section.heading}
              </h3>
              {incompleteCategories.has(section.category) && readableCategories.has(section.category) && (
                <p className="font-medium text-red-900">
                  <span aria-hidden="true">⚠ </span>Some {label.toLowerCase()} records could not be read, so this list
                  may be incomplete.
                </p>
              )}
              {!readableCategories.has(section.category) ? (
                <p className="text-slate-700">Outside your access: {label} was not shared with you.</p>
              ) : rows.length === 0 ? (
                incompleteCategories.has(section.category) ? null : (
                  <p className="text-slate-700">
                    {typeof section.empty === 'string'
                      ? section.empty
                      : section.empty.text[summary.absence[section.empty.topic]]}
                  </p>
                )
              ) : (
                <ul>
                  {rows.map((row) => (
                    <Row key={row.id} row={row} author={authorOf(row.id)} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
