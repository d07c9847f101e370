'use client';

import type { Resource } from '@medplum/fhirtypes';
import { useMemo } from 'react';
import type { Address } from 'viem';
import { labTrends } from '@/lib/fhir/labTrends';
import { timeline } from '@/lib/fhir/timeline';
import { toChartSummary } from '@/lib/fhir/toChartSummary';
import { markPhase } from '@/lib/perf/markPhase';
import type { OpenedRecord } from '@/lib/vault/openRecords';

/** The chart summary, trends and timeline of opened records, and who (other than the patient) wrote each row. */
export function useChartView(records: readonly OpenedRecord[] | undefined, patient: Address) {
  return useMemo(() => {
    const readable = (records ?? []).filter((r): r is OpenedRecord & { resource: Resource } => r.resource !== null);
    const resources = readable.map((r) => r.resource);
    const authors = new Map<string, Address>();
    readable.forEach((record, index) => {
      if (record.author.toLowerCase() !== patient.toLowerCase()) {
        // Row ids as toChartSummary makes them.
        authors.set(`${record.resource.resourceType}/${record.resource.id ?? index}`, record.author);
      }
    });
    const view = {
      resources,
      summary: toChartSummary(resources),
      trends: labTrends(resources),
      timeline: timeline(resources),
      authorOf: (rowId: string) => authors.get(rowId),
    };
    if (records) markPhase('chart:summarised');
    return view;
  }, [records, patient]);
}
