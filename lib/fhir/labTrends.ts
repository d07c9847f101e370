import type { Coding, Observation, Quantity, Resource } from '@medplum/fhirtypes';
import { fhirInstant } from '../format/formatDate';
import { describeConcept } from './describeConcept';
import { formatUnit } from './formatUnit';
import { isLabOrVital } from './isLabOrVital';
import { bloodPressureReading, formatQuantity, observationResult } from './observationValue';

/** One dated result of a trend: the numbers to plot (one per line) and the result as written. */
export type TrendPoint = {
  /** Unix seconds of the observation's effective time. */
  time: number;
  /** The FHIR date as recorded, for the table. */
  date: string;
  /** One value per line; null where the result cannot be placed on the axis ("<20"). */
  values: (number | null)[];
  /** The result as a person reads it: "107/72 mmHg", "<20 copies/mL". */
  text: string;
};

/** The repeated results of one test (same code, same unit), oldest first. */
export type Trend = {
  key: string;
  title: string;
  /** The unit as people write it, shared by every line; null for unitless scores. */
  unit: string | null;
  /** What each line is: the test itself, or "Systolic" and "Diastolic". */
  lines: string[];
  points: TrendPoint[];
};

const LOINC = 'http://loinc.org';
const BLOOD_PRESSURE_LINES = ['Systolic', 'Diastolic'];

/** The code that identifies the test: LOINC where the record has it, else its first coding. */
function testCode(codings: readonly Coding[] | undefined): string | null {
  const coding = codings?.find((c) => c.system === LOINC && c.code) ?? codings?.find((c) => c.code);
  return coding ? `${coding.system ?? ''}|${coding.code}` : null;
}

function effectiveDate(observation: Observation): string | null {
  return observation.effectiveDateTime ?? observation.effectivePeriod?.start ?? observation.effectiveInstant ?? null;
}

function toSeconds(date: string): number | null {
  const ms = fhirInstant(date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date).getTime();
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** A value that sits on the axis: a number with no comparator ("<20" is not 20). */
const plottable = (quantity: Quantity) => (quantity.comparator ? null : (quantity.value ?? null));

type Reading = { unitKey: string; unit: string | null; lines: string[]; values: (number | null)[]; text: string };

function readingOf(observation: Observation): Reading | null {
  const quantity = observation.valueQuantity;
  if (quantity?.value !== undefined) {
    return {
      unitKey: quantity.code ?? quantity.unit ?? '',
      unit: formatUnit(quantity) || null,
      lines: [describeConcept(observation.code)],
      values: [plottable(quantity)],
      text: formatQuantity(quantity)!,
    };
  }
  const pressure = observation.component && bloodPressureReading(observation.component);
  if (pressure) {
    return {
      unitKey: pressure.systolic.code ?? pressure.systolic.unit ?? '',
      unit: formatUnit(pressure.systolic) || null,
      lines: BLOOD_PRESSURE_LINES,
      values: [plottable(pressure.systolic), plottable(pressure.diastolic)],
      text: observationResult(observation)!,
    };
  }
  return null;
}

/** The same result at the same moment, recorded twice (exports repeat them): one point. */
function withoutRepeats(points: readonly TrendPoint[]): TrendPoint[] {
  const seen = new Set<string>();
  return points.filter((point) => {
    const key = `${point.time}|${point.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every lab and vital sign measured at more than one moment, as a trend to plot: grouped by the
 * test's code and unit (a weight in kg and one in lb are two trends, never one line), blood
 * pressure as its systolic and diastolic lines found by LOINC code, a result recorded twice at the
 * same moment as one point. Newest trend first.
 */
export function labTrends(resources: readonly Resource[]): Trend[] {
  const trends = new Map<string, Trend>();
  for (const resource of resources) {
    if (resource.resourceType !== 'Observation') continue;
    const observation = resource as Observation;
    if (!isLabOrVital(observation)) continue;
    const date = effectiveDate(observation);
    const time = date === null ? null : toSeconds(date);
    const reading = readingOf(observation);
    const code = testCode(observation.code.coding) ?? describeConcept(observation.code);
    if (time === null || date === null || reading === null) continue;
    const key = `${code} ${reading.unitKey}`;
    const trend = trends.get(key) ?? {
      key,
      title: describeConcept(observation.code),
      unit: reading.unit,
      lines: reading.lines,
      points: [],
    };
    trend.points.push({ time, date, values: reading.values, text: reading.text });
    trends.set(key, trend);
  }
  const latest = (trend: Trend) => trend.points[trend.points.length - 1]!.time;
  return [...trends.values()]
    .map((trend) => ({ ...trend, points: withoutRepeats(trend.points).sort((a, b) => a.time - b.time) }))
    .filter((trend) => new Set(trend.points.map((p) => p.time)).size > 1)
    .sort((a, b) => latest(b) - latest(a) || a.title.localeCompare(b.title));
}
