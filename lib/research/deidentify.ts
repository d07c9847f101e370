import type { Address as FhirAddress, Patient, Resource } from '@medplum/fhirtypes';
import { CATEGORIES } from '../categories';
import { categorizeResource } from '../fhir/categorizeResource';

/**
 * What a de-identified extract leaves out, in the words shown to a patient before they join a
 * study (HIPAA Safe Harbor style).
 */
export const STRIPPED_FROM_EXTRACTS = [
  'Names (yours and your clinicians’)',
  'Addresses below state level, phone numbers and email addresses',
  'Exact dates: every date becomes its year; for people over 89 no dates or ages are given at all',
  'Record numbers, insurance and other identifiers',
  'All free text (notes, comments, descriptions, dosage instructions, report conclusions): coded values keep only their standard names',
  'Clinicians, organizations, locations, claims and billing',
] as const;

/** Resource types that identify people or places, or are free text, and never leave. */
const DROPPED_TYPES = new Set<string>([
  'Practitioner',
  'PractitionerRole',
  'RelatedPerson',
  'Person',
  'Organization',
  'Location',
  'Endpoint',
  'HealthcareService',
  'Coverage',
  'Claim',
  'ClaimResponse',
  'ExplanationOfBenefit',
  'DocumentReference',
  'Composition',
  'Media',
  'Provenance',
  'CareTeam',
  'Device',
  'Binary',
  'Communication',
]);

/**
 * Fields removed wherever they appear: identifiers, contact details, people, and attachments
 * (a report's presentedForm is a whole clinical note, base64-encoded, names and dates included).
 */
const DROPPED_FIELDS = new Set([
  'identifier',
  'name',
  'telecom',
  'address',
  'contact',
  'photo',
  'presentedForm',
  'attachment',
  'valueAttachment',
  'content',
  'data',
  'url',
  'meta',
  'extension',
  'modifierExtension',
  'performer',
  'requester',
  'recorder',
  'asserter',
  'participant',
  'serviceProvider',
  'location',
  'author',
  'informationSource',
  'insurance',
  'generalPractitioner',
  'managingOrganization',
  'link',
  'communication',
]);

/**
 * Free text wherever it appears: written by a person, so it can hold names, places and anything
 * else. A CodeableConcept keeps its codings (with their standard display names) and loses its
 * text; one that was only text is dropped whole.
 */
export const FREE_TEXT_FIELDS = new Set([
  'text',
  'conclusion',
  'summary',
  'title',
  'instruction',
  'valueMarkdown',
  'reasonText',
  'comment',
  'note',
  'description',
  'valueString',
  'patientInstruction',
  'purpose',
]);

const DATE = /^(\d{4})(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Keys that identify wherever they appear, whatever the resource: any `…identifier`
 * (Specimen.accessionIdentifier, …), DICOM UIDs (which name the institution and often encode a
 * timestamp) and lot numbers.
 */
const IDENTIFYING_KEY = /(identifier|^uid|^lotNumber)$/i;

type ScrubOptions = {
  pseudonyms: Map<string, string>;
  /** Safe Harbor: for a patient over 89 no date element may remain, the year included. */
  dropDates: boolean;
};

function scrub(value: Json, options: ScrubOptions): Json | undefined {
  if (typeof value === 'string') {
    const date = DATE.exec(value);
    if (!date || value.length <= 4) return value;
    return options.dropDates ? undefined : date[1]!;
  }
  if (Array.isArray(value)) {
    return value.map((item) => scrub(item, options)).filter((item): item is Json => item !== undefined);
  }
  if (value === null || typeof value !== 'object') return value;

  const out: { [key: string]: Json } = {};
  const isReference = typeof value.reference === 'string';
  for (const [key, field] of Object.entries(value)) {
    if (DROPPED_FIELDS.has(key) || FREE_TEXT_FIELDS.has(key) || IDENTIFYING_KEY.test(key)) continue;
    // A reference's display is a person's or place's name.
    if (key === 'display' && isReference) continue;
    if (key === 'reference' && typeof field === 'string') {
      // Keep links inside the extract (under pseudonyms); drop links to anything else.
      const target = options.pseudonyms.get(
        field
          .replace(/^urn:uuid:/, '')
          .split('/')
          .pop() ?? '',
      );
      if (target) out.reference = `urn:uuid:${target}`;
      continue;
    }
    if (key === 'id' && typeof field === 'string') {
      out.id = options.pseudonyms.get(field) ?? crypto.randomUUID();
      continue;
    }
    const scrubbed = scrub(field, options);
    if (scrubbed !== undefined) out[key] = scrubbed;
  }
  // A reference reduced to nothing is no reference at all.
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Over 89 (Safe Harbor aggregates them as 90 or older), or of unknown age, which is treated alike. */
function isOver89(patient: Patient | undefined, now: Date): boolean {
  const birthYear = patient?.birthDate ? Number(patient.birthDate.slice(0, 4)) : NaN;
  return !Number.isFinite(birthYear) || now.getUTCFullYear() - birthYear > 89;
}

function reducedPatient(patient: Patient | undefined, pseudonym: string, now: Date): Patient {
  const reduced: Patient = { resourceType: 'Patient', id: pseudonym };
  if (patient?.gender) reduced.gender = patient.gender;
  // Safe Harbor: ages over 89 are aggregated, so the year is withheld for them.
  if (!isOver89(patient, now)) reduced.birthDate = patient!.birthDate!.slice(0, 4);
  const state = patient?.address?.find((a: FhirAddress) => a.state)?.state;
  const country = patient?.address?.find((a: FhirAddress) => a.country)?.country;
  if (state || country) reduced.address = [{ ...(state ? { state } : {}), ...(country ? { country } : {}) }];
  return reduced;
}

/**
 * A de-identified extract of `resources` for a study asking for `categories` (bit set): only
 * those categories, every identifying field removed, dates cut to the year (no dates at all for
 * a patient over 89 or of unknown age), links between the
 * kept resources preserved under fresh pseudonyms, and a patient reduced to gender, birth year
 * and state. Pure: the same input gives the same shape, with new pseudonyms each time.
 */
export function deidentify(resources: readonly Resource[], categories: number, now = new Date()): Resource[] {
  const wanted = new Set(CATEGORIES.filter((c) => categories & (1 << c.bit)).map((c) => c.key));
  const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
  const kept = resources.filter(
    (r) => r.resourceType !== 'Patient' && !DROPPED_TYPES.has(r.resourceType) && wanted.has(categorizeResource(r)),
  );
  const pseudonyms = new Map<string, string>();
  const patientPseudonym = crypto.randomUUID();
  if (patient?.id) pseudonyms.set(patient.id, patientPseudonym);
  for (const resource of kept) if (resource.id) pseudonyms.set(resource.id, crypto.randomUUID());

  const extract: Resource[] = [reducedPatient(patient, patientPseudonym, now)];
  // For a patient over 89, event years would give the age away (born 1910, seen in 1922): drop them.
  const options = { pseudonyms, dropDates: isOver89(patient, now) };
  for (const resource of kept) {
    const scrubbed = scrub(resource as unknown as Json, options) as unknown as Resource;
    extract.push({ ...scrubbed, id: resource.id ? pseudonyms.get(resource.id)! : crypto.randomUUID() });
  }
  return extract;
}
