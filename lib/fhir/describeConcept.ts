import type { CodeableConcept } from '@medplum/fhirtypes';

/** The human text of a coded concept: its text, else the first coding's display, else its code. */
export function describeConcept(concept: CodeableConcept | undefined): string {
  if (!concept) return 'Unnamed';
  return concept.text ?? concept.coding?.find((c) => c.display)?.display ?? concept.coding?.[0]?.code ?? 'Unnamed';
}
