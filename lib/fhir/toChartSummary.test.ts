import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBundle } from './parseBundle';
import { toChartSummary } from './toChartSummary';

const resources = (name: string) => parseBundle(readFileSync(`fixtures/fhir/${name}`, 'utf8')).resources;

describe('toChartSummary', () => {
  it('summarises the IPS document: the condition, medication and allergy it holds', () => {
    const chart = toChartSummary(resources('ips-document-minimal.json'));
    expect(chart.activeConditions).toHaveLength(1);
    expect(chart.currentMedications.length + chart.allergies.length).toBeGreaterThanOrEqual(1);
    expect(chart.allergies).toHaveLength(1);
    for (const row of [...chart.activeConditions, ...chart.allergies]) expect(row.title).not.toBe('Unnamed');
  });

  it('shows the latest value of each lab with its unit, newest first, from a Synthea record', () => {
    const chart = toChartSummary(resources('synthea-small-clemente-kreiger.json'));
    expect(chart.recentLabs.length).toBeGreaterThan(5);
    const dates = chart.recentLabs.map((r) => r.date ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    const titles = chart.recentLabs.map((r) => r.title);
    expect(new Set(titles).size).toBe(titles.length);
    const bodyHeight = chart.recentLabs.find((r) => r.title === 'Body Height');
    expect(bodyHeight?.detail).toMatch(/^\d+(\.\d+)? cm$/);
    const bloodPressure = chart.recentLabs.find((r) => r.title === 'Blood Pressure');
    // Systolic first by its LOINC code, though the export lists diastolic first.
    expect(bloodPressure?.detail).toMatch(/^1\d\d\/\d\d mmHg$/);
    // Three seasonal flu shots are one row of three doses, beside the one Td dose.
    expect(chart.immunizations.map((r) => [r.title, r.detail])).toEqual([
      ['Influenza, seasonal, injectable, preservative free', '3 doses'],
      ['Td (adult) preservative free', null],
    ]);
  });

  it('keeps surveys and exam findings out of "Labs and vitals" (Synthea: smoking status, prostate exam)', () => {
    const all = resources('synthea-large-vito-feeney.json');
    const titles = toChartSummary(all).recentLabs.map((r) => r.title);
    expect(all.some((r) => r.resourceType === 'Observation' && JSON.stringify(r).includes('"survey"'))).toBe(true);
    expect(titles).not.toContain('Tobacco smoking status NHIS');
    expect(titles).not.toContain('Physical findings of Prostate');
    expect(titles.length).toBeGreaterThan(5);
  });

  it('is the same chart whatever order the records arrive in (storage returns them in any order)', () => {
    const all = resources('synthea-small-clemente-kreiger.json');
    const shuffled = [...all].sort(() => Math.random() - 0.5);
    const strip = (chart: ReturnType<typeof toChartSummary>) =>
      JSON.stringify(chart.recentLabs.map((r) => [r.title, r.detail, r.date]));
    expect(strip(toChartSummary(shuffled))).toBe(strip(toChartSummary(all)));
    expect(strip(toChartSummary([...all].reverse()))).toBe(strip(toChartSummary(all)));
  });

  it('counts twenty flu shots as one row (US Core patient 85)', () => {
    const chart = toChartSummary(resources('synthea-uscore-inferno-patient-85.json'));
    const flu = chart.immunizations.filter((r) => r.title === 'Influenza, seasonal, injectable, preservative free');
    expect(flu).toEqual([expect.objectContaining({ detail: '20 doses' })]);
    const latest = resources('synthea-uscore-inferno-patient-85.json')
      .flatMap((r) => (r.resourceType === 'Immunization' && r.occurrenceDateTime ? [r.occurrenceDateTime] : []))
      .sort()
      .at(-1);
    expect(flu[0]!.date).toBe(latest);
  });

  it('keeps resolved conditions out of the active list', () => {
    const all = resources('synthea-uscore-inferno-patient-85.json');
    const chart = toChartSummary(all);
    const conditions = all.filter((r) => r.resourceType === 'Condition');
    const resolved = conditions.filter(
      (c) =>
        'clinicalStatus' in c &&
        (c.clinicalStatus as { coding?: { code?: string }[] }).coding?.[0]?.code === 'resolved',
    );
    expect(resolved.length).toBeGreaterThan(0);
    expect(chart.activeConditions.length).toBe(conditions.length - resolved.length);
  });
});
