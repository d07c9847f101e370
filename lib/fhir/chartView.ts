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

/**
 * `records` with the chart made of them. A record whose content the summary cannot read (valid
 * JSON, not valid FHIR: a date that is a number, say) is marked `malformed` and left out, so
 * one bad record, whoever wrote it, costs that record and not the chart. Tried as a whole first:
 * record by record only when that fails.
 */
export function chartOf(
  records: readonly OpenedRecord[],
  patient: Address,
): { records: OpenedRecord[]; chart: ChartView } {
  try {
    return { records: [...records], chart: chartView(records, patient) };
  } catch {
    const checked = records.map((record): OpenedRecord => {
      if (record.resource === null) return record;
      try {
        chartView([record], patient);
        return record;
      } catch {
        return { ...record, resource: null, problem: 'malformed' };
      }
    });
    return { records: checked, chart: chartView(checked, patient) };
  }
}

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
