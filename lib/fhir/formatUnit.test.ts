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

describe('formatUnit keeps what a record wrote for people', () => {
  it('shows a UCUM code outside the table by the record’s unit text (TSH in uIU/mL, not u[IU]/mL)', () => {
    expect(formatUnit({ code: 'u[IU]/mL', unit: 'uIU/mL', system: 'http://unitsofmeasure.org' })).toBe('uIU/mL');
  });

  it('reads an annotation after a unit as a word: mg/g{creat} is mg/g creat', () => {
    expect(formatUnit({ code: 'mg/g{creat}', unit: 'mg/g{creat}', system: 'http://unitsofmeasure.org' })).toBe(
      'mg/g creat',
    );
  });

  it('leaves units where u is not micro alone: U/L, mU/L, [iU]/L', () => {
    expect(formatUnit({ code: 'U/L', unit: 'U/L', system: 'http://unitsofmeasure.org' })).toBe('U/L');
    expect(formatUnit({ code: 'mU/L', unit: 'mU/L', system: 'http://unitsofmeasure.org' })).toBe('mU/L');
    expect(formatUnit({ code: '[iU]/L', unit: '[iU]/L', system: 'http://unitsofmeasure.org' })).toBe('IU/L');
    expect(formatUnit({ code: 'umol/L', unit: 'umol/L', system: 'http://unitsofmeasure.org' })).toBe('µmol/L');
  });
});
