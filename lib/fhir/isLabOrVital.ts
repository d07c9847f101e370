import type { Observation } from '@medplum/fhirtypes';

/** Observation categories that are not results: questionnaires, social history, exam findings. */
const NOT_RESULTS = new Set(['survey', 'social-history', 'exam']);

/**
 * Whether an observation belongs under "Labs and vitals": every result does, whatever its
 * category (laboratory, vital signs, an imaging or procedure measurement, a local code), unless
 * each of its categories says it is a questionnaire, social history or an exam finding.
 */
export function isLabOrVital(observation: Observation): boolean {
  if (observation.status === 'entered-in-error') return false;
  const codes = (observation.category ?? []).flatMap((c) => c.coding?.map((coding) => coding.code) ?? []);
  return codes.length === 0 || codes.some((code) => code === undefined || !NOT_RESULTS.has(code));
}
