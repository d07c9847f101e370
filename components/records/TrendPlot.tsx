'use client';

import { useEffect, useRef } from 'react';
import 'uplot/dist/uPlot.min.css';
import type { Trend } from '@/lib/fhir/labTrends';

const HEIGHT = 160;
/** Line styles that differ by more than colour: solid blue, dashed amber. */
const LINE_STYLES = [
  { stroke: '#1e40af', dash: undefined },
  { stroke: '#b45309', dash: [8, 5] },
] as const;

/** How each line is drawn, in words, for the legend under a plot with more than one line. */
export const LINE_LEGENDS = ['solid blue line', 'dashed amber line'] as const;

/**
 * A small time plot of one trend, drawn by uPlot on a canvas. The library is loaded when the first
 * plot mounts, so it costs nothing on pages without trends. The canvas is decoration for sighted
 * readers: the same values are in the table beside it.
 */
export function TrendPlot({ trend, label }: { trend: Trend; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    let cleanUp = () => {};
    void import('uplot').then(({ default: UPlot }) => {
      const element = container.current;
      if (cancelled || !element) return;
      const data: [number[], ...(number | null)[][]] = [
        trend.points.map((p) => p.time),
        ...trend.lines.map((_, line) => trend.points.map((p) => p.values[line] ?? null)),
      ];
      const plot = new UPlot(
        {
          width: element.clientWidth,
          height: HEIGHT,
          legend: { show: false },
          cursor: { show: false },
          scales: { x: { time: true } },
          // Dates in UTC, as every date in the chart is shown.
          tzDate: (seconds: number) => UPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
          axes: [{ stroke: '#334155' }, { stroke: '#334155', size: 56 }],
          series: [
            {},
            ...trend.lines.map((name, line) => ({
              label: name,
              width: 2,
              ...LINE_STYLES[line % LINE_STYLES.length],
              points: { show: true, size: 6 },
            })),
          ],
        },
        data,
        element,
      );
      const observer = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: HEIGHT }));
      observer.observe(element);
      cleanUp = () => {
        observer.disconnect();
        plot.destroy();
      };
    });
    return () => {
      cancelled = true;
      cleanUp();
    };
  }, [trend]);
  return <div ref={container} role="img" aria-label={label} className="min-h-40 w-full overflow-hidden" />;
}
