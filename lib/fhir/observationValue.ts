import type {
  Coding,
  Observation,
  ObservationComponent,
  ObservationReferenceRange,
  Quantity,
} from '@medplum/fhirtypes';
import { describeConcept } from './describeConcept';
import { formatUnit } from './formatUnit';

const LOINC = 'http://loinc.org';
const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';

/** Observation.interpretation codes (v3 ObservationInterpretation) in words: never colour alone. */
const INTERPRETATION: Record<string, string> = {
  H: 'High',
  HH: 'Critically high',
  HU: 'Very high',
  L: 'Low',
  LL: 'Critically low',
  LU: 'Very low',
  A: 'Abnormal',
  AA: 'Critically abnormal',
  N: 'Normal',
  POS: 'Positive',
  NEG: 'Negative',
  DET: 'Detected',
  ND: 'Not detected',
};

/** How a value is written: for people on a chart, or exactly as recorded for a dataset. */
export type ValueStyle = 'chart' | 'data';

/**
 * A number without export noise (106.6797730199 → 106.68) and without losing what matters: three
 * decimals at most from 1 up (a urine specific gravity of 1.005 stays 1.005), three significant
 * digits below 1 (a troponin of 0.004 stays 0.004).
 */
function rounded(value: number): string {
  const clean = Number(value.toPrecision(12));
  if (Number.isInteger(clean)) return String(clean);
  return String(Math.abs(clean) >= 1 ? Number(clean.toFixed(3)) : Number(clean.toPrecision(3)));
}

/**
 * A quantity as written: "7.2 mmol/L", "<20 copies/mL" (the comparator is part of the result),
 * "45 ×10³/µL"; for a dataset the recorded number and UCUM code, untouched.
 */
export function formatQuantity(quantity: Quantity | undefined, style: ValueStyle = 'chart'): string | null {
  if (quantity?.value === undefined) return null;
  const comparator = quantity.comparator ?? '';
  if (style === 'data') {
    const unit = quantity.code ?? quantity.unit;
    return `${comparator}${quantity.value}${unit ? ` ${unit}` : ''}`;
  }
  const unit = formatUnit(quantity);
  return `${comparator}${rounded(quantity.value)}${unit ? ` ${unit}` : ''}`;
}

const hasCode = (codings: readonly Coding[] | undefined, code: string) =>
  codings?.some((c) => c.code === code && (c.system === undefined || c.system === LOINC)) === true;

const componentWith = (components: readonly ObservationComponent[], code: string) =>
  components.find((c) => hasCode(c.code.coding, code));

/**
 * The systolic and diastolic quantities of a blood-pressure panel, found by their LOINC codes;
 * null unless both have a value in the same unit (two units cannot be one "a/b unit" reading).
 */
export function bloodPressureReading(
  components: readonly ObservationComponent[],
): { systolic: Quantity & { value: number }; diastolic: Quantity & { value: number } } | null {
  const systolic = componentWith(components, SYSTOLIC)?.valueQuantity;
  const diastolic = componentWith(components, DIASTOLIC)?.valueQuantity;
  if (systolic?.value === undefined || diastolic?.value === undefined) return null;
  if ((systolic.code ?? systolic.unit) !== (diastolic.code ?? diastolic.unit)) return null;
  return { systolic: { ...systolic, value: systolic.value }, diastolic: { ...diastolic, value: diastolic.value } };
}

/**
 * Blood pressure as "152/95 mmHg": systolic and diastolic found by their LOINC codes, never by
 * the order the components come in (exports list diastolic first as often as not).
 */
function bloodPressure(components: readonly ObservationComponent[], style: ValueStyle): string | null {
  const reading = bloodPressureReading(components);
  if (!reading) return null;
  const { systolic, diastolic } = reading;
  if (style === 'data') {
    const unit = systolic.code ?? systolic.unit;
    return `${systolic.value}/${diastolic.value}${unit ? ` ${unit}` : ''}`;
  }
  const unit = formatUnit(systolic);
  // mmHg is read in whole numbers; kPa (16.0/10.7) keeps its decimal.
  const value = (v: number) => (unit === 'mmHg' ? String(Math.round(v)) : rounded(v));
  return `${value(systolic.value)}/${value(diastolic.value)}${unit ? ` ${unit}` : ''}`;
}

function componentValue(component: ObservationComponent, style: ValueStyle): string | null {
  if (component.valueQuantity) return formatQuantity(component.valueQuantity, style);
  if (component.valueCodeableConcept) return describeConcept(component.valueCodeableConcept);
  return component.valueString ?? null;
}

/** "normal range 3.9–5.5 mmol/L" from the record's first reference range, if it has one. */
function referenceRange(range: ObservationReferenceRange | undefined): string | null {
  if (!range) return null;
  const low = range.low?.value;
  const high = range.high?.value;
  const unit = formatUnit(range.high ?? range.low ?? {});
  const suffix = unit ? ` ${unit}` : '';
  if (low !== undefined && high !== undefined) return `normal range ${rounded(low)}–${rounded(high)}${suffix}`;
  if (high !== undefined) return `normal up to ${rounded(high)}${suffix}`;
  if (low !== undefined) return `normal from ${rounded(low)}${suffix}`;
  return range.text ? `normal range ${range.text}` : null;
}

/** The record's own flag ("High", "Critically low"), in words; null where it gives none. */
export function interpretationOf(observation: Pick<Observation, 'interpretation'>): string | null {
  for (const concept of observation.interpretation ?? []) {
    for (const coding of concept.coding ?? []) {
      if (coding.code && INTERPRETATION[coding.code]) return INTERPRETATION[coding.code]!;
    }
    // A flag we have no words for is still the record's flag: never drop it.
    const named = concept.text ?? concept.coding?.find((c) => c.display)?.display ?? concept.coding?.[0]?.code;
    if (named) return named;
  }
  return null;
}

/**
 * An observation's result alone: its value, a panel's components each labelled by its code
 * ("Heart rate 72 beats/min · …"), blood pressure as systolic/diastolic. Null when it has none.
 */
export function observationResult(observation: Observation, style: ValueStyle = 'chart'): string | null {
  let value: string | null = null;
  if (observation.valueQuantity) value = formatQuantity(observation.valueQuantity, style);
  else if (observation.valueCodeableConcept) value = describeConcept(observation.valueCodeableConcept);
  else if (observation.valueString !== undefined) value = observation.valueString;
  else if (observation.valueBoolean !== undefined) value = observation.valueBoolean ? 'Yes' : 'No';
  else if (observation.valueInteger !== undefined) value = String(observation.valueInteger);
  else if (observation.component?.length) {
    value =
      bloodPressure(observation.component, style) ??
      (observation.component
        .map((c) => {
          const part = componentValue(c, style);
          return part === null ? null : `${describeConcept(c.code)} ${part}`;
        })
        .filter((part): part is string => part !== null)
        .join(' · ') ||
        null);
  }
  return value;
}

/**
 * An observation as a chart line: its result, then the record's reference range and flag where it
 * has them: "7.2 mmol/L (normal range 3.9–5.5 mmol/L) · High". Null when it carries no value.
 */
export function observationValue(observation: Observation): string | null {
  const value = observationResult(observation);
  if (value === null) return null;
  const range = referenceRange(observation.referenceRange?.[0]);
  const flag = interpretationOf(observation);
  return [range ? `${value} (${range})` : value, flag].filter(Boolean).join(' · ');
}
