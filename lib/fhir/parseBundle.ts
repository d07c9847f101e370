import type { Bundle, Resource } from '@medplum/fhirtypes';
import { FhirImportError } from './FhirImportError';

/** Largest file accepted for import: a large Synthea history is about 3.5 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const ACCEPTED_TYPES = new Set(['transaction', 'collection', 'batch', 'searchset', 'document']);

/** Resource types that exist only before R4 (DSTU2 / STU3): their presence means an older file. */
const PRE_R4_TYPES = new Set([
  'MedicationOrder',
  'ProcedureRequest',
  'ReferralRequest',
  'DiagnosticOrder',
  'DeviceUseRequest',
  'ProcessRequest',
  'ProcessResponse',
  'EligibilityRequest',
  'EligibilityResponse',
  'BodySite',
  'DataElement',
  'Sequence',
  'ServiceDefinition',
]);

export type ParsedBundle = {
  type: NonNullable<Bundle['type']>;
  resources: Resource[];
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Elements that exist in DSTU2 or STU3 and were renamed or removed in R4, per resource type
 * (from the R4 "changes from STU3" pages): any of them means an older file, whatever its meta
 * says. A file without version markers is recognised by its structure.
 */
const PRE_R4_ELEMENTS: Record<string, readonly string[]> = {
  Patient: ['animal', 'careProvider'],
  Observation: ['comment', 'context', 'related'],
  Condition: ['patient', 'context', 'assertedDate', 'dateRecorded', 'abatementBoolean'],
  Encounter: ['patient', 'incomingReferral', 'indication'],
  MedicationStatement: ['taken', 'notTaken', 'wasNotTaken', 'reasonNotTaken', 'patient'],
  MedicationRequest: ['context', 'definition'],
  Procedure: ['notPerformed', 'context', 'definition'],
  Immunization: ['notGiven', 'wasNotGiven', 'date', 'explanation', 'reported'],
  DiagnosticReport: ['context', 'codedDiagnosis', 'request', 'image'],
  AllergyIntolerance: ['substance', 'assertedDate', 'status'],
  CarePlan: ['context', 'definition'],
  DocumentReference: ['created', 'indexed', 'class'],
};

/** Fields that changed shape in R4: a string where R4 has a CodeableConcept means STU3. */
function looksPreR4(resource: Record<string, unknown>): boolean {
  const type = String(resource.resourceType);
  if (PRE_R4_TYPES.has(type)) return true;
  if (PRE_R4_ELEMENTS[type]?.some((element) => element in resource)) return true;
  if (type === 'Condition' || type === 'AllergyIntolerance') {
    return typeof resource.clinicalStatus === 'string' || typeof resource.verificationStatus === 'string';
  }
  // DSTU2: Encounter.class was a plain code, not a Coding.
  if (type === 'Encounter') return typeof resource.class === 'string';
  return false;
}

/**
 * Parses the text of a FHIR R4 Bundle (transaction, collection, batch, searchset or document)
 * into its resources, or throws a FhirImportError saying plainly what is wrong with the file.
 */
/** Refuses a file over the import limit before it is read. */
export function checkImportSize(bytes: number, maxBytes = MAX_IMPORT_BYTES): void {
  if (bytes > maxBytes) {
    throw new FhirImportError(
      'too-large',
      `This file is too large to import (${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${maxBytes / 1024 / 1024} MB).`,
    );
  }
}

export function parseBundle(text: string, maxBytes = MAX_IMPORT_BYTES): ParsedBundle {
  checkImportSize(new TextEncoder().encode(text).length, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FhirImportError(
      'invalid-json',
      'This file is not valid JSON, so it cannot be a FHIR export.',
      error instanceof Error ? error.message : undefined,
    );
  }
  if (!isObject(json) || typeof json.resourceType !== 'string') {
    throw new FhirImportError('not-fhir', 'This file is JSON but not a FHIR resource: it has no resourceType.');
  }
  if (json.resourceType !== 'Bundle') {
    throw new FhirImportError(
      'not-bundle',
      `This file holds a single ${json.resourceType}, not a Bundle. Export your records as a FHIR Bundle and try again.`,
    );
  }
  const type = String(json.type);
  if (!ACCEPTED_TYPES.has(type)) {
    throw new FhirImportError('not-bundle', `Bundles of type "${type}" cannot be imported.`);
  }
  const entries = Array.isArray(json.entry) ? json.entry : [];
  const resources = entries
    .map((entry) => (isObject(entry) ? entry.resource : undefined))
    .filter(
      (resource): resource is Record<string, unknown> =>
        isObject(resource) && typeof resource.resourceType === 'string',
    )
    // A search's OperationOutcome entries describe the search, not the patient.
    .filter((resource) => resource.resourceType !== 'OperationOutcome');
  if (resources.length === 0) {
    throw new FhirImportError('empty', 'This Bundle contains no records.');
  }
  const preR4 = resources.find(looksPreR4);
  if (preR4) {
    throw new FhirImportError(
      'not-r4',
      'This file uses an older FHIR version (DSTU2 or STU3). OwnChart imports FHIR R4.',
      `First pre-R4 resource: ${String(preR4.resourceType)}`,
    );
  }
  return { type: type as ParsedBundle['type'], resources: resources as unknown as Resource[] };
}
