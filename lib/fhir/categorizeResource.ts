import type { Resource } from '@medplum/fhirtypes';
import type { CategoryKey } from '../categories';

const BY_TYPE: Partial<Record<Resource['resourceType'], CategoryKey>> = {
  Condition: 'conditions',
  MedicationRequest: 'medications',
  MedicationStatement: 'medications',
  MedicationAdministration: 'medications',
  MedicationDispense: 'medications',
  Medication: 'medications',
  AllergyIntolerance: 'allergies',
  Immunization: 'immunizations',
  Observation: 'labs',
  DiagnosticReport: 'labs',
  Specimen: 'labs',
  Procedure: 'procedures',
  ImagingStudy: 'procedures',
  Encounter: 'encounters',
  DocumentReference: 'documents',
  Composition: 'documents',
  Media: 'documents',
};

/**
 * The category a resource is shared under. Anything not understood is kept under "other" (claims,
 * coverage, care plans, practitioners…), never dropped.
 */
export function categorizeResource(resource: Resource): CategoryKey {
  return BY_TYPE[resource.resourceType] ?? 'other';
}
