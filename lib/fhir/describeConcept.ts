import type { CodeableConcept, Quantity } from '@medplum/fhirtypes';

/** The human text of a coded concept: its text, else the first coding's display, else its code. */
export function describeConcept(concept: CodeableConcept | undefined): string {
  if (!concept) return 'Unnamed';
  return concept.text ?? concept.coding?.find((c) => c.display)?.display ?? concept.coding?.[0]?.code ?? 'Unnamed';
}

/** A quantity as "7.2 mmol/L", rounding floating noise from exports. */
export function describeQuantity(quantity: Quantity | undefined): string | null {
  if (quantity?.value === undefined) return null;
  const value = Number.isInteger(quantity.value) ? String(quantity.value) : String(Number(quantity.value.toFixed(2)));
  const unit = quantity.unit ?? quantity.code ?? '';
  return unit ? `${value} ${unit}` : value;
}
