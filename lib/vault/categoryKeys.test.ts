import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../access/types';
import { deriveCategoryKey, keyVersionsAt } from './categoryKeys';

const patient = '0x00000000000000000000000000000000000000aa' as Address;
const sam = '0x00000000000000000000000000000000000000b1' as Address;
const priya = '0x00000000000000000000000000000000000000b2' as Address;
let block = 0n;
function event(
  kind: AccessEvent['kind'],
  grantee: Address,
  timestamp: number,
  categories: number | null = null,
  expiresAt: number | null = null,
): AccessEvent {
  block += 1n;
  return {
    kind,
    patient,
    grantee,
    categories,
    permission: kind === 'revoked' ? null : 'read',
    expiresAt,
    blockNumber: block,
    timestamp,
    transactionHash: `0x${block.toString(16).padStart(64, '0')}`,
    logIndex: 0,
  };
}

describe('keyVersionsAt', () => {
  it('starts every category at version 0 and leaves it there while access only grows', () => {
    const history = [event('granted', sam, 100, 0b11), event('updated', sam, 200, 0b111)];
    expect(keyVersionsAt(history, 300).slice(0, 4)).toEqual([0, 0, 0, 0]);
  });

  it('moves exactly the categories someone lost: revoked, narrowed, or expired', () => {
    const history = [
      event('granted', sam, 100, 0b011),
      event('granted', priya, 110, 0b100, 500),
      event('updated', sam, 200, 0b001), // Sam loses category 1
      event('revoked', sam, 300), // Sam loses category 0
    ];
    expect(keyVersionsAt(history, 400).slice(0, 3)).toEqual([1, 1, 0]);
    // Priya's grant to category 2 expires at 500.
    expect(keyVersionsAt(history, 500).slice(0, 3)).toEqual([1, 1, 1]);
  });

  it('counts an expiry once, whether or not the expired grant is later revoked or renewed', () => {
    const expired = [event('granted', sam, 100, 0b1, 200)];
    expect(keyVersionsAt(expired, 300)[0]).toBe(1);
    expect(keyVersionsAt([...expired, event('revoked', sam, 400)], 500)[0]).toBe(1);
    expect(keyVersionsAt([...expired, event('updated', sam, 400, 0b1)], 500)[0]).toBe(1);
  });

  it('does not depend on the order events arrive in', () => {
    const history = [event('granted', sam, 100, 0b1), event('revoked', sam, 200), event('granted', sam, 300, 0b1)];
    expect(keyVersionsAt([...history].reverse(), 400)).toEqual(keyVersionsAt(history, 400));
    expect(keyVersionsAt(history, 400)[0]).toBe(1);
  });
});

describe('deriveCategoryKey', () => {
  it('gives one fixed key per patient, category and version', () => {
    const secret = new Uint8Array(32).fill(7);
    expect(deriveCategoryKey(secret, 0, 0)).toEqual(deriveCategoryKey(secret, 0, 0));
    expect(deriveCategoryKey(secret, 0, 1)).not.toEqual(deriveCategoryKey(secret, 0, 0));
    expect(deriveCategoryKey(secret, 1, 0)).not.toEqual(deriveCategoryKey(secret, 0, 0));
    expect(deriveCategoryKey(new Uint8Array(32).fill(8), 0, 0)).not.toEqual(deriveCategoryKey(secret, 0, 0));
  });
});

describe('keyVersionsAt with emergency access', () => {
  it('moves the categories of every open window when the patient changes the policy', () => {
    const opened = { ...event('granted', sam, 100, 0b1100, 100 + 86_400), kind: 'emergency-opened' as const };
    const policy = { ...event('updated', patient, 200, 0b100), kind: 'emergency-policy' as const };
    // Later still, within the old window's time: the responder's key is not current any more.
    const versions = keyVersionsAt([opened, policy], 300);
    expect(versions.slice(2, 4)).toEqual([1, 1]);
    // Counted once: the window's own expiry later does not move them again.
    expect(keyVersionsAt([opened, policy], 100 + 2 * 86_400).slice(2, 4)).toEqual([1, 1]);
  });

  it('moves the emergency categories once a break-glass window ends or expires', () => {
    const opened = { ...event('granted', sam, 100, 0b1100, 100 + 86_400), kind: 'emergency-opened' as const };
    expect(keyVersionsAt([opened], 200).slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(keyVersionsAt([opened], 100 + 86_400).slice(0, 4)).toEqual([0, 0, 1, 1]);
    const ended = { ...event('revoked', sam, 300), kind: 'emergency-ended' as const };
    expect(keyVersionsAt([opened, ended], 400).slice(0, 4)).toEqual([0, 0, 1, 1]);
  });

  it('keeps a responder’s window apart from a grant to the same account', () => {
    const grant = event('granted', sam, 100, 0b1);
    const opened = { ...event('granted', sam, 150, 0b10, 1_000), kind: 'emergency-opened' as const };
    const ended = { ...event('revoked', sam, 200), kind: 'emergency-ended' as const };
    expect(keyVersionsAt([grant, opened, ended], 300).slice(0, 2)).toEqual([0, 1]);
  });
});

describe('keyVersionsAt with caregivers', () => {
  it('moves every category once a caregiver is removed or their appointment ends', () => {
    const appointed = { ...event('granted', sam, 100, 0b111, 1_000), kind: 'caregiver-appointed' as const };
    expect(keyVersionsAt([appointed], 500).slice(0, 3)).toEqual([0, 0, 0]);
    expect(keyVersionsAt([appointed], 1_000).slice(0, 3)).toEqual([1, 1, 1]);
    const removed = { ...event('revoked', sam, 600), kind: 'caregiver-removed' as const };
    expect(keyVersionsAt([appointed, removed], 700).slice(0, 3)).toEqual([1, 1, 1]);
  });
});
