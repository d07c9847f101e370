import type { Address } from 'viem';
import type { KeyEnvelope } from '../vault/keyEnvelope';

/**
 * Where a patient's key envelopes live, per patient. An envelope is identified by recipient,
 * category and version; storing it again replaces it. Kept in the server database (lib/db/SqlKeyEnvelopeStore.ts).
 */
export interface KeyEnvelopeStore {
  add(patient: Address, envelopes: readonly KeyEnvelope[]): Promise<void>;
  /** Every envelope of `patient`, or only those for `recipient`. */
  list(patient: Address, recipient?: Address): Promise<KeyEnvelope[]>;
}
