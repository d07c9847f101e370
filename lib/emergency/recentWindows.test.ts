import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../access/types';
import { noticeWindows, recentWindows } from './recentWindows';

const patient = '0x00000000000000000000000000000000000000aa';
const rivera = '0x00000000000000000000000000000000000000e3';
const other = '0x00000000000000000000000000000000000000e4';
const event = (kind: AccessEvent['kind'], block: number, grantee = rivera, expiresAt: number | null = null) =>
  ({
    kind,
    patient,
    grantee,
    categories: 0b1111,
    permission: 'read',
    expiresAt,
    blockNumber: BigInt(block),
    timestamp: block * 100,
    transactionHash: `0x${'00'.repeat(32)}`,
    logIndex: 0,
  }) as AccessEvent;

describe('recentWindows', () => {
  it('is open until it expires, newest first', () => {
    const history = [event('emergency-opened', 3, other, 10_000), event('emergency-opened', 2, rivera, 10_000)];
    expect(recentWindows(history, 500).map((w) => [w.opened.grantee, w.open])).toEqual([
      [other, true],
      [rivera, true],
    ]);
    expect(recentWindows(history, 10_000).every((w) => !w.open)).toBe(true);
  });

  it('is closed by its own end, not by another responder’s', () => {
    const history = [
      event('emergency-ended', 4, other),
      event('emergency-opened', 3, other, 10_000),
      event('emergency-opened', 2, rivera, 10_000),
    ];
    expect(recentWindows(history, 500).map((w) => w.open)).toEqual([false, true]);
  });

  it('is closed for everyone by a later change of the patient’s policy', () => {
    const history = [
      event('emergency-policy', 4, patient),
      event('emergency-opened', 3, other, 10_000),
      event('emergency-opened', 2, rivera, 10_000),
      event('emergency-policy', 1, patient),
    ];
    expect(recentWindows(history, 500).map((w) => w.open)).toEqual([false, false]);
  });

  it('leaves out windows older than 30 days', () => {
    expect(recentWindows([event('emergency-opened', 1, rivera, 10_000)], 31 * 86_400 + 100)).toEqual([]);
  });

  it('keeps an ended window in the notice for a day, then only in the history', () => {
    // Opened at 200 (block 2), ended by the patient at 400 (block 4), would have run to 100,000.
    const history = [event('emergency-ended', 4, rivera), event('emergency-opened', 2, rivera, 100_000)];
    expect(recentWindows(history, 500)[0]).toMatchObject({ open: false, closedAt: 400 });
    expect(noticeWindows(history, 400 + 23 * 3_600)).toHaveLength(1);
    expect(noticeWindows(history, 400 + 25 * 3_600)).toHaveLength(0);
  });

  it('dates an expired window’s end by its expiry', () => {
    const history = [event('emergency-opened', 2, rivera, 1_000)];
    expect(recentWindows(history, 5_000)[0]).toMatchObject({ open: false, closedAt: 1_000 });
    expect(noticeWindows(history, 1_000 + 86_401)).toHaveLength(0);
  });
});
