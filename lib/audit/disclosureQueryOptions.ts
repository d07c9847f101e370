import type { Address } from 'viem';
import { fetchDisclosures } from './disclosureApi';
import { disclosureKeys } from './queryKeys';

/** TanStack query options for who read a patient's records (server log; the patient's session only). */
export function disclosuresQueryOptions(patient: Address) {
  return { queryKey: disclosureKeys.patient(patient), queryFn: () => fetchDisclosures(patient) };
}
