import type { Bundle, Resource } from '@medplum/fhirtypes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Everything the patient holds as one FHIR R4 collection Bundle, ready to take to another
 * provider or app; importing it again gives the same resources.
 */
export function toExportBundle(resources: readonly Resource[], now = new Date()): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({
      ...(resource.id && UUID.test(resource.id) ? { fullUrl: `urn:uuid:${resource.id}` } : {}),
      resource,
    })),
  };
}
