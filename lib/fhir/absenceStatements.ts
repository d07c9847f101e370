import type { CodeableConcept, Composition, Resource } from '@medplum/fhirtypes';

/**
 * Why a chart section has no rows, which must never be guessed:
 * - `none-known`: the record positively states there is none ("No known allergies").
 * - `none-current`: there are records, but none is current (all resolved, stopped or inactive).
 * - `unavailable`: the record says the information was not available or not asked.
 * - `not-recorded`: the record says nothing either way. This is not "none".
 */
export type Absence = 'none-known' | 'none-current' | 'unavailable' | 'not-recorded';

export type AbsenceTopic = 'allergies' | 'problems' | 'medications';

const SNOMED = 'http://snomed.info/sct';
/** IPS "absent or unknown" codes (http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips). */
const IPS_ABSENT = 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips';

const NONE_KNOWN: Record<AbsenceTopic, { system: string; code: string }[]> = {
  // Only a statement about every allergy: "no known drug allergy" says nothing of food or latex,
  // so it stays a row of the list, in its own words.
  allergies: [
    { system: SNOMED, code: '716186003' }, // No known allergy
    { system: IPS_ABSENT, code: 'no-known-allergies' },
  ],
  problems: [
    { system: SNOMED, code: '160245001' }, // No current problems or disability
    { system: IPS_ABSENT, code: 'no-known-problems' },
  ],
  medications: [
    { system: SNOMED, code: '787481004' }, // No known medication
    { system: IPS_ABSENT, code: 'no-known-medications' },
  ],
};

const UNAVAILABLE: Record<AbsenceTopic, string> = {
  allergies: 'no-allergy-info',
  problems: 'no-problem-info',
  medications: 'no-medication-info',
};

/** LOINC codes of the IPS / C-CDA document sections for each topic. */
const SECTION_CODES: Record<AbsenceTopic, string> = {
  allergies: '48765-2',
  problems: '11450-4',
  medications: '10160-0',
};

const TOPIC_OF_TYPE: Partial<Record<Resource['resourceType'], AbsenceTopic>> = {
  AllergyIntolerance: 'allergies',
  Condition: 'problems',
  // What the patient takes is stated by a MedicationStatement (as IPS does); an order is not.
  MedicationStatement: 'medications',
};

function conceptOf(resource: Resource): CodeableConcept | undefined {
  if (resource.resourceType === 'MedicationStatement') return resource.medicationCodeableConcept;
  if (resource.resourceType === 'AllergyIntolerance' || resource.resourceType === 'Condition') return resource.code;
  return undefined;
}

const codes = (concept: CodeableConcept | undefined) => concept?.coding ?? [];

/**
 * What a resource says of absence, if it is a statement rather than an entry: an allergy record
 * coded "No known allergy", a medication statement coded "no medication information". Such a
 * resource is not an allergy or a medication and must not be listed as one.
 */
/** A statement withdrawn (entered in error, refuted, no longer current) states nothing. */
function withdrawn(resource: Resource): boolean {
  const code = (concept: CodeableConcept | undefined) => concept?.coding?.[0]?.code;
  if (resource.resourceType === 'AllergyIntolerance' || resource.resourceType === 'Condition') {
    const verification = code(resource.verificationStatus);
    const clinical = code(resource.clinicalStatus);
    return (
      verification === 'entered-in-error' ||
      verification === 'refuted' ||
      clinical === 'inactive' ||
      clinical === 'resolved'
    );
  }
  if (resource.resourceType === 'MedicationStatement') {
    return resource.status === 'entered-in-error' || resource.status === 'stopped';
  }
  return false;
}

export function absenceStatement(resource: Resource): { topic: AbsenceTopic; absence: Absence } | null {
  const topic = TOPIC_OF_TYPE[resource.resourceType];
  if (!topic || withdrawn(resource)) return null;
  for (const coding of codes(conceptOf(resource))) {
    if (NONE_KNOWN[topic].some((known) => known.system === coding.system && known.code === coding.code)) {
      return { topic, absence: 'none-known' };
    }
    if (coding.system === IPS_ABSENT && coding.code === UNAVAILABLE[topic]) return { topic, absence: 'unavailable' };
  }
  return null;
}

/**
 * Why each topic's list is empty, from the records themselves: a positive "none known" statement,
 * a document section or statement saying the information is unavailable (`emptyReason`), or
 * nothing at all. "None known" wins over "unavailable" only when it is the record's statement.
 */
export function absences(resources: readonly Resource[]): Record<AbsenceTopic, Absence> {
  const found: Record<AbsenceTopic, Absence> = {
    allergies: 'not-recorded',
    problems: 'not-recorded',
    medications: 'not-recorded',
  };
  const note = (topic: AbsenceTopic, absence: Absence) => {
    if (found[topic] !== 'none-known') found[topic] = absence;
  };
  for (const resource of resources) {
    const statement = absenceStatement(resource);
    if (statement) note(statement.topic, statement.absence);
    if (resource.resourceType !== 'Composition') continue;
    for (const section of (resource as Composition).section ?? []) {
      const topic = (Object.keys(SECTION_CODES) as AbsenceTopic[]).find((t) =>
        codes(section.code).some((c) => c.code === SECTION_CODES[t]),
      );
      if (!topic || (section.entry?.length ?? 0) > 0 || !section.emptyReason) continue;
      // emptyReason "nilknown" is the document saying "none known"; every other reason is not.
      note(topic, codes(section.emptyReason).some((c) => c.code === 'nilknown') ? 'none-known' : 'unavailable');
    }
  }
  return found;
}
