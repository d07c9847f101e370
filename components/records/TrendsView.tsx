'use client';

import type { Trend } from '@/lib/fhir/labTrends';
import { formatFhirDate } from '@/lib/format/formatDate';
import { ShowAllButton, useShowAll } from '@/components/ui/ShowAll';
import { LINE_LEGENDS, TrendPlot } from './TrendPlot';

const TRENDS_SHOWN = 8;
const VALUES_SHOWN = 5;

function plotLabel(trend: Trend): string {
  const first = trend.points[0]!;
  const last = trend.points[trend.points.length - 1]!;
  return `${trend.title} over time: ${trend.points.length} results from ${formatFhirDate(first.date)} to ${formatFhirDate(last.date)}, latest ${last.text}. The values are in the table.`;
}

function TrendCard({ trend }: { trend: Trend }) {
  const headingId = `trend-${trend.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  // Newest first in the table, the way a result list is read; the plot runs left to right in time.
  const values = useShowAll([...trend.points].reverse(), VALUES_SHOWN);
  return (
    <section aria-labelledby={headingId} className="card min-w-0 space-y-2">
      <h3 id={headingId} className="text-lg font-semibold">
        {trend.title}
        {trend.unit && <span className="font-normal text-slate-700"> ({trend.unit})</span>}
      </h3>
      <TrendPlot trend={trend} label={plotLabel(trend)} />
      {trend.lines.length > 1 && (
        <p className="text-sm text-slate-800">
          {trend.lines.map((line, index) => `${line}: ${LINE_LEGENDS[index % LINE_LEGENDS.length]}`).join(' · ')}
        </p>
      )}
      <table className="w-full text-left">
        <caption className="sr-only">Results of {trend.title}, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300 text-sm">
            <th scope="col" className="py-1 pr-4 font-medium">
              Date
            </th>
            <th scope="col" className="py-1 font-medium">
              Result
            </th>
          </tr>
        </thead>
        <tbody>
          {values.shown.map((point, index) => (
            <tr key={`${point.time}-${index}`} className="border-b border-slate-200 last:border-0">
              <td className="py-1 pr-4">{formatFhirDate(point.date)}</td>
              <td className="py-1">{point.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowAllButton list={values} more={`Show all ${trend.points.length} results`} fewer="Show fewer results" />
    </section>
  );
}

/** Every lab and vital with more than one result, as a plot over time with its values as a table. */
export function TrendsView({ trends, incomplete }: { trends: readonly Trend[]; incomplete: boolean }) {
  const list = useShowAll(trends, TRENDS_SHOWN);
  if (trends.length === 0 && !incomplete) return null;
  return (
    <section aria-labelledby="trends-heading" className="space-y-4">
      <h2 id="trends-heading" className="text-2xl font-semibold">
        Trends
      </h2>
      <p className="text-slate-800">Labs and vital signs measured more than once, latest first.</p>
      {incomplete && (
        <p className="font-medium text-red-900">
          <span aria-hidden="true">⚠ </span>Some lab and vital-sign records could not be read, so these trends may miss
          results.
        </p>
      )}
      {trends.length === 0 && <p>No trends in the records that could be read.</p>}
      <div className="grid gap-4 md:grid-cols-2">
        {list.shown.map((trend) => (
          <TrendCard key={trend.key} trend={trend} />
        ))}
      </div>
      <ShowAllButton
        list={list}
        more={`Show all ${trends.length} trends`}
        fewer={`Show the latest ${TRENDS_SHOWN} trends`}
      />
    </section>
  );
}
