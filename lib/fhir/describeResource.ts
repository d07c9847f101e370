import type { CodeableConcept, Resource } from '@medplum/fhirtypes';
import { describeConcept } from './describeConcept';

/** Resource type names as people say them: "MedicationRequest" → "Medication request". */
export function resourceTypeLabel(resourceType: string): string {
  const words = resourceType.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const CONCEPT_FIELDS = ['code', 'vaccineCode', 'medicationCodeableConcept', 'type', 'category'] as const;
const DATE_FIELDS = [
  'effectiveDateTime',
  'occurrenceDateTime',
  'onsetDateTime',
  'performedDateTime',
  'authoredOn',
  'recordedDate',
  'issued',
  'date',
  'created',
  'started',
] as const;
const PERIOD_FIELDS = ['period', 'effectivePeriod', 'performedPeriod', 'billablePeriod'] as const;

/**
 * A one-line title and a date for any resource, for record lists: the coded "what" where there is
 * one, else the description or name, else the resource type. Nothing is invented.
 */
export function describeResource(resource: Resource): { title: string; kind: string; date: string | null } {
  const fields = resource as unknown as Record<string, unknown>;
  let title: string | null = null;
  for (const field of CONCEPT_FIELDS) {
    const value = fields[field];
    const concept = (Array.isArray(value) ? value[0] : value) as CodeableConcept | undefined;
    if (concept && typeof concept === 'object' && (concept.text || concept.coding?.length)) {
      title = describeConcept(concept);
      break;
    }
  }
  if (!title && typeof fields.description === 'string') title = fields.description;
  if (!title && typeof fields.name === 'string') title = fields.name;
  const nameList = fields.name as { text?: string; given?: string[]; family?: string }[] | undefined;
  if (!title && Array.isArray(nameList) && nameList[0]) {
    title = nameList[0].text ?? [...(nameList[0].given ?? []), nameList[0].family].filter(Boolean).join(' ');
  }
  let date: string | null = null;
  for (const field of DATE_FIELDS) {
    if (typeof fields[field] === 'string') {
      date = fields[field] as string;
      break;
    }
  }
  if (!date) {
    for (const field of PERIOD_FIELDS) {
      const period = fields[field] as { start?: string } | undefined;
      if (period?.start) {
        date = period.start;
        break;
      }
    }
  }
  const kind = resourceTypeLabel(resource.resourceType);
  return { title: title || kind, kind, date };
}
