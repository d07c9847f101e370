import type { Condition, Immunization, MedicationRequest, Observation, Procedure, Resource } from '@medplum/fhirtypes';
import { describeConcept } from '../fhir/describeConcept';
import { observationResult } from '../fhir/observationValue';
import { csvCell } from '../format/csvCell';
import { describeResource } from '../fhir/describeResource';

/** One participant's accepted, de-identified resources, under a study-local label. */
export type ParticipantExtract = { participant: string; resources: Resource[] };

const CSV_COLUMNS = ['participant', 'resource_type', 'code_system', 'code', 'description', 'value', 'year'] as const;

function coding(resource: Resource) {
  const concept =
    (resource as Condition | Observation | Procedure).code ??
    (resource as Immunization).vaccineCode ??
    (resource as MedicationRequest).medicationCodeableConcept;
  return { concept, first: concept?.coding?.[0] };
}

function value(resource: Resource): string {
  // The recorded number and UCUM code, as a statistician needs them (the chart rounds for people).
  return resource.resourceType === 'Observation' ? (observationResult(resource as Observation, 'data') ?? '') : '';
}

/** A flat table, one row per resource: what a statistician opens first. */
export function toCsv(extracts: readonly ParticipantExtract[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const { participant, resources } of extracts) {
    for (const resource of resources) {
      const { concept, first } = coding(resource);
      const { date } = describeResource(resource);
      rows.push(
        [
          participant,
          resource.resourceType,
          first?.system ?? '',
          first?.code ?? '',
          concept ? describeConcept(concept) : describeResource(resource).title,
          value(resource),
          date?.slice(0, 4) ?? '',
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

/** FHIR NDJSON (bulk data format): one resource per line, each tagged with its participant. */
export function toNdjson(extracts: readonly ParticipantExtract[]): string {
  return extracts
    .flatMap(({ participant, resources }) =>
      resources.map((resource) =>
        JSON.stringify({ ...resource, meta: { tag: [{ system: 'urn:ownchart:participant', code: participant }] } }),
      ),
    )
    .map((line) => `${line}\n`)
    .join('');
}
