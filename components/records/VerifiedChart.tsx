'use client';

import { CATEGORIES, type CategoryKey } from '@/lib/categories';
import { incompleteCategories } from '@/lib/vault/incompleteCategories';
import type { VaultRecords } from '@/lib/vault/loadVaultRecords';
import { ChartSummaryView } from './ChartSummaryView';
import { PatientIdentityLine } from './PatientIdentityLine';
import { RecordBrowser } from './RecordBrowser';
import { RecordGaps } from './RecordGaps';
import { TimelineView } from './TimelineView';
import { TrendsView } from './TrendsView';

/** The categories the timeline is made of. */
const TIMELINE_CATEGORIES: readonly CategoryKey[] = ['encounters', 'documents', 'immunizations', 'procedures'];

/**
 * A chart as read from the vault, the same for the patient and for a clinician: first what could
 * not be shown (so nothing below reads as complete when it is not), then the summary by category
 * (each part outside `readableCategories` says so), the trends of repeated labs, the timeline, then every record.
 */
export function VerifiedChart({
  records,
  readableCategories,
  showIdentity = false,
}: {
  records: VaultRecords;
  readableCategories: ReadonlySet<CategoryKey>;
  /** For a reader other than the patient: who the chart is about, or that it was not shared. */
  showIdentity?: boolean;
}) {
  const { resources, summary, trends, timeline, authors } = records.chart;
  const incomplete = incompleteCategories(records);
  const timelineLabels = (keep: (key: CategoryKey) => boolean) =>
    CATEGORIES.filter((c) => TIMELINE_CATEGORIES.includes(c.key) && keep(c.key)).map((c) => c.label);
  return (
    <>
      {showIdentity && <PatientIdentityLine resources={resources} />}
      <RecordGaps gaps={records.gaps} refused={records.refused} />
      <ChartSummaryView
        summary={summary}
        readableCategories={readableCategories}
        incompleteCategories={incomplete}
        authorOf={(rowId) => authors.get(rowId)}
      />
      {readableCategories.has('labs') && <TrendsView trends={trends} incomplete={incomplete.has('labs')} />}
      <TimelineView
        years={timeline}
        hidden={timelineLabels((key) => !readableCategories.has(key))}
        incomplete={timelineLabels((key) => readableCategories.has(key) && incomplete.has(key))}
      />
      <RecordBrowser records={records.records} />
    </>
  );
}
