import type { HumanName, Patient, Resource } from '@medplum/fhirtypes';

/** Who a chart is about, from the patient's own Patient record; each part null where it is absent. */
export type PatientIdentity = { name: string | null; age: number | null; sex: string | null };

const SEX: Record<string, string> = { male: 'Male', female: 'Female', other: 'Other', unknown: 'Unknown' };

function nameOf(names: readonly HumanName[] | undefined): string | null {
  const name = names?.find((n) => n.use === 'official') ?? names?.find((n) => n.use === 'usual') ?? names?.[0];
  if (!name) return null;
  if (name.text) return name.text;
  const parts = [...(name.given ?? []), name.family].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Whole years between a FHIR birthDate ("1984", "1984-07", "1984-07-02") and `today`. */
function ageAt(birthDate: string | undefined, today: Date): number | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(birthDate ?? '');
  if (!match) return null;
  const [year, month = 1, day = 1] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
  let age = today.getUTCFullYear() - year;
  const beforeBirthday =
    today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  // A birth year alone gives the age to within a year; never show a negative or absurd one.
  return age >= 0 && age < 150 ? age : null;
}

/**
 * Name, age and sex from the first Patient record a reader can open, or null when there is none:
 * the patient has not shared who they are with this reader (it is under "Other records").
 */
export function patientIdentity(resources: readonly Resource[], today: Date = new Date()): PatientIdentity | null {
  const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
  if (!patient) return null;
  return {
    name: nameOf(patient.name),
    age: ageAt(patient.birthDate, today),
    sex: patient.gender ? (SEX[patient.gender] ?? null) : null,
  };
}
