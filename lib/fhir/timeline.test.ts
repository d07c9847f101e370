import type { Immunization } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBundle } from './parseBundle';
import { timeline } from './timeline';

const resources = (name: string) => parseBundle(readFileSync(`fixtures/fhir/${name}`, 'utf8')).resources;

const flu = (date: string, status: Immunization['status'] = 'completed'): Immunization => ({
  resourceType: 'Immunization',
  status,
  vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '140', display: 'Influenza, seasonal' }] },
  occurrenceDateTime: date,
  patient: {},
});

describe('timeline', () => {
  it('merges identical visits of a year in a Synthea record, and loses none', () => {
    const all = resources('synthea-large-vito-feeney.json');
    const years = timeline(all);
    expect(years.map((y) => y.year).slice(0, 3)).toEqual(['1979', '1978', '1977']);
    const checkUps = years[1]!.entries.find((e) => e.title === 'Encounter for check up (procedure)')!;
    expect(checkUps).toEqual({
      kind: 'visit',
      title: 'Encounter for check up (procedure)',
      detail: 'Outpatient visit',
      count: 9,
      last: '1978-12-11T23:11:46+00:00',
    });
    const events = all.filter((r) => ['Encounter', 'Immunization', 'Procedure'].includes(r.resourceType)).length;
    expect(years.flatMap((y) => y.entries).reduce((sum, e) => sum + e.count, 0)).toBe(events);
  });

  it('says encounter classes in words (US Core patient 85, Synthea small)', () => {
    const visits = (name: string) =>
      timeline(resources(name)).flatMap((y) => y.entries.filter((e) => e.kind === 'visit'));
    const classes = new Set(visits('synthea-uscore-inferno-patient-85.json').map((e) => e.detail));
    expect(classes).toEqual(new Set(['Outpatient visit', 'Emergency', 'Hospital stay']));
    expect(visits('synthea-small-clemente-kreiger.json').map((e) => [e.detail, e.count])).toEqual([
      ['Outpatient visit', 1],
      ['Outpatient visit', 1],
      ['Outpatient visit', 1],
    ]);
  });

  it('keeps a dose not given apart from doses given, and puts undated events last', () => {
    const years = timeline([
      flu('2025-10-12'),
      flu('2025-03-01'),
      flu('2025-11-20', 'not-done'),
      { ...flu('2024-01-01'), occurrenceDateTime: undefined },
    ]);
    expect(years).toEqual([
      {
        year: '2025',
        entries: [
          { kind: 'vaccine', title: 'Influenza, seasonal', detail: 'not done', count: 1, last: '2025-11-20' },
          { kind: 'vaccine', title: 'Influenza, seasonal', detail: null, count: 2, last: '2025-10-12' },
        ],
      },
      { year: null, entries: [{ kind: 'vaccine', title: 'Influenza, seasonal', detail: null, count: 1, last: null }] },
    ]);
  });
});
