import type { Observation } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBundle } from './parseBundle';
import { observationResult, observationValue } from './observationValue';

const observations = (name: string) =>
  parseBundle(readFileSync(`fixtures/fhir/${name}`, 'utf8')).resources.filter(
    (r): r is Observation => r.resourceType === 'Observation',
  );
const loinc = (observation: Observation) => observation.code.coding?.find((c) => c.system === 'http://loinc.org')?.code;

describe('observationValue on real Synthea exports', () => {
  const bloodPressures = observations('synthea-small-clemente-kreiger.json').filter((o) => loinc(o) === '55284-4');

  it('reads blood pressure as systolic/diastolic by LOINC code, though this export lists diastolic first', () => {
    const first = bloodPressures[0]!;
    // The export's own order: 8462-4 (diastolic) before 8480-6 (systolic).
    expect(first.component?.map((c) => c.code.coding?.[0]?.code)).toEqual(['8462-4', '8480-6']);
    const systolic = first.component!.find((c) => c.code.coding?.[0]?.code === '8480-6')!.valueQuantity!.value!;
    const diastolic = first.component!.find((c) => c.code.coding?.[0]?.code === '8462-4')!.valueQuantity!.value!;
    expect(systolic).toBeGreaterThan(diastolic);
    expect(observationValue(first)).toBe(`${Math.round(systolic)}/${Math.round(diastolic)} mmHg`);
  });

  it('gives the same reading whichever order the components come in', () => {
    for (const bp of bloodPressures) {
      const reversed = { ...bp, component: [...bp.component!].reverse() };
      expect(observationValue(reversed)).toBe(observationValue(bp));
      expect(observationValue(bp)).toMatch(/^(\d+)\/(\d+) mmHg$/);
      const [, sys, dia] = /^(\d+)\/(\d+)/.exec(observationValue(bp)!)!;
      expect(Number(sys)).toBeGreaterThan(Number(dia));
    }
  });

  it('writes UCUM units as people do: ×10³/µL, kg/m², a bare score without braces', () => {
    const values = observations('synthea-small-clemente-kreiger.json').map((o) => observationResult(o) ?? '');
    expect(values.some((v) => / ×10³\/µL$/.test(v))).toBe(true);
    expect(values.some((v) => / kg\/m²$/.test(v))).toBe(true);
    expect(values.join('\n')).not.toMatch(/mm\[Hg\]|10\*3|\{score\}|kg\/m2\b/);
  });

  it('adds the record’s reference range where it has one (US Core test strip: normal “Negative”)', () => {
    const protein = observations('synthea-uscore-inferno-patient-85.json').find((o) => loinc(o) === '20454-5')!;
    const line = observationValue({ ...protein, valueCodeableConcept: { text: 'Trace' } });
    expect(line).toBe('Trace (normal range Negative)');
  });
});

describe('observationValue flags', () => {
  const potassium: Observation = {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '2823-3', display: 'Potassium' }] },
    valueQuantity: { value: 6.1, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
    referenceRange: [{ low: { value: 3.5, unit: 'mmol/L' }, high: { value: 5.1, unit: 'mmol/L' } }],
    interpretation: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' }] },
    ],
  };

  it('says the range and the flag in words, not by colour', () => {
    expect(observationValue(potassium)).toBe('6.1 mmol/L (normal range 3.5–5.1 mmol/L) · High');
  });

  it('says nothing of a flag the record does not give', () => {
    expect(observationValue({ ...potassium, interpretation: undefined, referenceRange: undefined })).toBe('6.1 mmol/L');
  });
});

describe('observationValue precision and comparators', () => {
  const quantity = (value: number, code: string, comparator?: '<' | '>') =>
    ({
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'Test' },
      valueQuantity: { value, code, unit: code, system: 'http://unitsofmeasure.org', comparator },
    }) as Observation;

  it('keeps a comparator: a viral load of <20 copies/mL is not a detected 20', () => {
    expect(observationValue(quantity(20, '{copies}/mL', '<'))).toBe('<20 copies/mL');
  });

  it('keeps the digits that matter: troponin 0.004, specific gravity 1.005, and trims export noise', () => {
    expect(observationValue(quantity(0.004, 'ng/mL'))).toBe('0.004 ng/mL');
    expect(observationValue(quantity(1.005, '{SG}'))).toBe('1.005');
    expect(observationValue(quantity(106.6797730199243, 'fL'))).toBe('106.68 fL');
  });

  it('keeps kPa blood pressure to its decimal, and gives the research dataset the recorded numbers', () => {
    const bp = (unit: string, sys: number, dia: number) =>
      ({
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: { value: dia, code: unit, unit, system: 'http://unitsofmeasure.org' },
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: { value: sys, code: unit, unit, system: 'http://unitsofmeasure.org' },
          },
        ],
      }) as Observation;
    expect(observationValue(bp('kPa', 16.0, 10.7))).toBe('16/10.7 kPa');
    expect(observationResult(bp('mm[Hg]', 106.68, 71.58), 'data')).toBe('106.68/71.58 mm[Hg]');
  });
});
