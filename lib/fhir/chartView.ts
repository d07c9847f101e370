import type { Resource } from '@medplum/fhirtypes';
import type { Address } from 'viem';
import type { OpenedRecord } from '../vault/openRecords';
import { labTrends, type Trend } from './labTrends';
import { timeline, type TimelineYear } from './timeline';
import { toChartSummary, type ChartSummary } from './toChartSummary';

/** What a chart shows of its opened records: plain data, so a worker can make it. */
export type ChartView = {
  resources: Resource[];
  summary: ChartSummary;
  trends: Trend[];
  timeline: TimelineYear[];
  /** Who (other than the patient) wrote each summary row, by row id. */
  authors: Map<string, Address>;
};

/** The chart summary, trends and timeline of `records`, and who other than `patient` wrote each row. */
export function chartView(records: readonly OpenedRecord[], patient: Address): ChartView {
  const readable = records.filter((r): r is OpenedRecord & { resource: Resource } => r.resource !== null);
  const resources = readable.map((r) => r.resource);
  const authors = new Map<string, Address>();
  readable.forEach((record, index) => {
    if (record.author.toLowerCase() !== patient.toLowerCase()) {
      // Row ids as toChartSummary makes them.
      authors.set(`${record.resource.resourceType}/${record.resource.id ?? index}`, record.author);
    }
  });
  return {
    resources,
    summary: toChartSummary(resources),
    trends: labTrends(resources),
    timeline: timeline(resources),
    authors,
  };
}
