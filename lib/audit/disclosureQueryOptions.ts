import type { Address } from 'viem';
import { fetchDisclosures } from './disclosureApi';

/** The query key of a patient's accounting of disclosures, shared by every view of it. */
export const disclosureKeys = { patient: (patient: Address) => ['disclosures', patient.toLowerCase()] as const };

/** TanStack query options for who read a patient's records (server log; the patient's session only). */
export function disclosuresQueryOptions(patient: Address) {
  return { queryKey: disclosureKeys.patient(patient), queryFn: () => fetchDisclosures(patient) };
}
