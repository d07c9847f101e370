import { describe, expect, it } from 'vitest';
import { formatUnit } from './formatUnit';

const ucum = (code: string) => ({ code, unit: code, system: 'http://unitsofmeasure.org' });

describe('formatUnit', () => {
  it.each([
    ['mm[Hg]', 'mmHg'],
    ['10*3/uL', '×10³/µL'],
    ['10*6/uL', '×10⁶/µL'],
    ['kg/m2', 'kg/m²'],
    ['Cel', '°C'],
    ['[lb_av]', 'lb'],
    ['ug/dL', 'µg/dL'],
    ['{score}', ''],
    ['{cells}/uL', 'cells/µL'],
    ['mL/min/{1.73_m2}', 'mL/min/1.73 m²'],
    ['mg/dL', 'mg/dL'],
    ['fL', 'fL'],
  ])('shows UCUM %s as %j', (code, written) => {
    expect(formatUnit(ucum(code))).toBe(written);
  });

  it('keeps a unit the record wrote for people, outside UCUM', () => {
    expect(formatUnit({ unit: 'beats per minute', code: '/min', system: 'http://example.org/units' })).toBe(
      'beats per minute',
    );
  });
});
