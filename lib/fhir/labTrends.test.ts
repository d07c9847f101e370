import type { Observation } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labTrends } from './labTrends';
import { parseBundle } from './parseBundle';

const resources = (name: string) => parseBundle(readFileSync(`fixtures/fhir/${name}`, 'utf8')).resources;

const weight = (date: string, value: number, code = 'kg', comparator?: Observation['valueQuantity']): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body Weight' }] },
  effectiveDateTime: date,
  valueQuantity: { value, code, unit: code, system: 'http://unitsofmeasure.org', ...comparator },
});

describe('labTrends', () => {
  it('plots blood pressure from a Synthea record as systolic and diastolic by code, oldest first', () => {
    const trends = labTrends(resources('synthea-small-clemente-kreiger.json'));
    const pressure = trends.find((t) => t.title === 'Blood Pressure')!;
    expect(pressure.lines).toEqual(['Systolic', 'Diastolic']);
    expect(pressure.unit).toBe('mmHg');
    // The export lists diastolic (8462-4) first; the systolic line must still be the higher one.
    expect(pressure.points.map((p) => p.values.map((v) => Math.round(v ?? NaN)))).toEqual([
      [107, 72],
      [134, 79],
      [122, 87],
    ]);
    expect(pressure.points.map((p) => p.text)).toEqual(['107/72 mmHg', '134/79 mmHg', '122/87 mmHg']);
    expect(pressure.points.map((p) => p.date.slice(0, 4))).toEqual(['2012', '2015', '2018']);
  });

  it('has a trend for every repeated numeric lab and none for one-off or survey results', () => {
    const trends = labTrends(resources('synthea-small-clemente-kreiger.json'));
    const titles = trends.map((t) => t.title);
    expect(titles).toEqual(expect.arrayContaining(['Body Weight', 'Body Mass Index', 'Total Cholesterol']));
    // Smoking status is a coded answer, not a number: it is not plotted.
    expect(titles.some((t) => /smoking/i.test(t))).toBe(false);
    // Synthea files the 0-10 pain score as a vital sign; a bare {score} has no unit to print.
    expect(trends.find((t) => t.title.startsWith('Pain severity'))!.unit).toBeNull();
    for (const trend of trends) expect(trend.points.length).toBeGreaterThan(1);
    expect(trends.find((t) => t.title === 'Body Mass Index')!.unit).toBe('kg/m²');
  });

  it('never joins two units on one line, and does not place "<20" on the axis as 20', () => {
    const trends = labTrends([
      weight('2024-01-01', 80),
      weight('2024-06-01', 82),
      weight('2024-03-01', 176, '[lb_av]'),
      weight('2024-09-01', 170, '[lb_av]', { comparator: '<' } as Observation['valueQuantity']),
    ]);
    expect(trends.map((t) => [t.unit, t.points.map((p) => p.values[0])])).toEqual([
      ['lb', [176, null]],
      ['kg', [80, 82]],
    ]);
    expect(trends[0]!.points[1]!.text).toBe('<170 lb');
  });

  it('is no trend when every result is from one moment, and counts a result recorded twice once', () => {
    // US Core patient 85 repeats one oxygen saturation of 77 % three times at the same instant.
    const trends = labTrends(resources('synthea-uscore-inferno-patient-85.json'));
    expect(trends.find((t) => t.title.startsWith('Oxygen saturation'))).toBeUndefined();
    const twice = labTrends([weight('2024-01-01', 80), weight('2024-01-01', 80), weight('2024-02-01', 81)]);
    expect(twice[0]!.points.map((p) => p.values[0])).toEqual([80, 81]);
  });

  it('leaves out results without a date and results entered in error', () => {
    const undated = { ...weight('2024-01-01', 81), effectiveDateTime: undefined };
    const wrong = { ...weight('2024-02-01', 99), status: 'entered-in-error' as const };
    expect(labTrends([weight('2024-01-01', 80), undated, wrong])).toEqual([]);
  });
});
