import { describe, expect, it } from 'vitest';
import { assertHistoryComplete, IncompleteHistoryError } from './assertHistoryComplete';
import type { AccessEvent, Grant } from './types';

const sam = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const priya = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
let block = 0n;
const event = (kind: AccessEvent['kind'], grantee: `0x${string}`, categories: number | null = 1): AccessEvent => ({
  kind,
  patient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  grantee,
  categories,
  permission: 'read',
  expiresAt: null,
  blockNumber: ++block,
  timestamp: Number(block),
  transactionHash: `0x${'00'.repeat(32)}`,
  logIndex: 0,
});
const grant = (counterparty: `0x${string}`, categories = 1): Grant => ({
  counterparty,
  categories,
  permission: 'read',
  grantedAt: 1,
  expiresAt: null,
  accepted: false,
});

describe('assertHistoryComplete', () => {
  it('accepts a history that adds up to the grants on-chain', () => {
    const history = [event('granted', sam), event('granted', priya), event('revoked', priya), event('updated', sam, 3)];
    expect(() => assertHistoryComplete(history, [grant(sam, 3)])).not.toThrow();
  });

  it('refuses a history missing a revocation (a node that dropped a log)', () => {
    const history = [event('granted', sam), event('granted', priya)];
    expect(() => assertHistoryComplete(history, [grant(sam)])).toThrow(IncompleteHistoryError);
  });

  it('refuses a history missing a narrowing or a grant', () => {
    expect(() => assertHistoryComplete([event('granted', sam, 3)], [grant(sam, 1)])).toThrow(IncompleteHistoryError);
    expect(() => assertHistoryComplete([], [grant(sam)])).toThrow(IncompleteHistoryError);
  });

  it('allows an on-chain expiry earlier than the events say (a caregiver’s grant), never later', () => {
    const history = [{ ...event('granted', sam), expiresAt: 2_000 }];
    expect(() => assertHistoryComplete(history, [{ ...grant(sam), expiresAt: 1_500 }])).not.toThrow();
    expect(() => assertHistoryComplete(history, [{ ...grant(sam), expiresAt: 2_500 }])).toThrow(IncompleteHistoryError);
    expect(() => assertHistoryComplete(history, [grant(sam)])).toThrow(IncompleteHistoryError);
  });
});
