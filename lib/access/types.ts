import type { Address, Hash } from 'viem';

export type Permission = 'read' | 'readWrite';

/** A grant as the app shows it; `counterparty` is the grantee or the patient, by view. */
export type Grant = {
  counterparty: Address;
  categories: number;
  permission: Permission;
  grantedAt: number;
  /** Seconds since epoch; null for no expiry. */
  expiresAt: number | null;
};

export type GrantStatus = 'active' | 'expired';

export type AccessEvent = {
  kind: 'granted' | 'updated' | 'revoked';
  patient: Address;
  grantee: Address;
  categories: number | null;
  permission: Permission | null;
  expiresAt: number | null;
  blockNumber: bigint;
  timestamp: number;
  transactionHash: Hash;
  logIndex: number;
};
