import type { Quantity } from '@medplum/fhirtypes';

const UCUM = 'http://unitsofmeasure.org';

/** UCUM codes as people write them on a lab report or a chart. */
const AS_WRITTEN: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  '10*3/uL': '×10³/µL',
  '10*6/uL': '×10⁶/µL',
  '10*9/L': '×10⁹/L',
  '10*12/L': '×10¹²/L',
  'kg/m2': 'kg/m²',
  m2: 'm²',
  Cel: '°C',
  '[degF]': '°F',
  '[lb_av]': 'lb',
  '[in_i]': 'in',
  '[ft_i]': 'ft',
  '[oz_av]': 'oz',
  ug: 'µg',
  'ug/L': 'µg/L',
  'ug/dL': 'µg/dL',
  uL: 'µL',
  'umol/L': 'µmol/L',
  'uU/mL': 'µU/mL',
  '[IU]/L': 'IU/L',
  '[iU]/L': 'IU/L',
  '/min': '/min',
  '{beats}/min': 'beats/min',
  '{breaths}/min': 'breaths/min',
  'mL/min/{1.73_m2}': 'mL/min/1.73 m²',
  'mL/min/1.73.m2': 'mL/min/1.73 m²',
  '%': '%',
  '1': '',
};

/**
 * A quantity's unit as people write it: UCUM's machine spellings (`mm[Hg]`, `10*3/uL`, `kg/m2`)
 * become mmHg, ×10³/µL, kg/m²; annotations in braces (`{score}`, `{cells}/uL`) are dropped or
 * read as words. A unit that is already human text is kept as the record wrote it.
 */
export function formatUnit(quantity: Pick<Quantity, 'unit' | 'code' | 'system'>): string {
  const code = quantity.system === UCUM ? quantity.code : undefined;
  if (code && code in AS_WRITTEN) return AS_WRITTEN[code]!;
  const text = quantity.unit ?? quantity.code;
  if (!text) return '';
  if (text in AS_WRITTEN) return AS_WRITTEN[text]!;
  // Text the record wrote for people (uIU/mL, beats per minute) stays as written.
  if (text !== quantity.code) return text;
  // A bare annotation is no unit at all ({score}, {ratio}); inside a unit it is a word.
  if (/^\{[^}]*\}$/.test(text)) return '';
  return text
    .replace(/^\{([^}]*)\}/, '$1')
    .replace(/\{([^}]*)\}/g, ' $1')
    .replace(/(^|\/)u(?=(g|L|mol|m)\b)/g, '$1µ');
}
