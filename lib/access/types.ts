import type { Address, Hash, Hex } from 'viem';

export type Permission = 'read' | 'readWrite';

/** A grant as the app shows it; `counterparty` is the grantee or the patient, by view. */
export type Grant = {
  counterparty: Address;
  categories: number;
  permission: Permission;
  grantedAt: number;
  /** Seconds since epoch; null for no expiry. */
  expiresAt: number | null;
  /** The grantee accepted it; until then their list shows the patient apart, as a request. */
  accepted: boolean;
};

export type GrantStatus = 'active' | 'expired';

export type AccessEvent = {
  /** Grants from AccessRegistry; break-glass windows and policy changes from EmergencyAccess. */
  kind:
    | 'granted'
    | 'updated'
    | 'revoked'
    | 'emergency-opened'
    | 'emergency-ended'
    /** The patient set, changed or cleared their emergency policy: every open window ended. */
    | 'emergency-policy'
    | 'caregiver-appointed'
    | 'caregiver-removed';
  patient: Address;
  grantee: Address;
  categories: number | null;
  permission: Permission | null;
  expiresAt: number | null;
  blockNumber: bigint;
  timestamp: number;
  transactionHash: Hash;
  logIndex: number;
  /** Emergency events: the commitment to the (off-chain) reason and the responder's institution. */
  emergency?: { reasonCommitment: Hex | null; institution: Address | null; endedBy: Address | null };
  /** The grant was ended by the grantee declining it, not by the patient. */
  declinedByGrantee?: true;
  /** A grant or revoke made by the patient's caregiver on their behalf. */
  byCaregiver?: Address;
};
