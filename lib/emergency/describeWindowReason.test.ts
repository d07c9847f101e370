import { describe, expect, it } from 'vitest';
import { describeWindowReason } from './describeWindowReason';
import { revealedReasonId } from './reasonCommitment';

const commitment = `0x${'ab'.repeat(32)}` as const;
const rivera = '0x976EA74026E726554dB657fA54763abd0C3a0aa9';
const other = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955';

describe('describeWindowReason', () => {
  it('names a revealed reason by its code', () => {
    const loaded = { status: 'loaded' as const, byCommitment: new Map([[revealedReasonId(rivera, commitment), 2]]) };
    expect(describeWindowReason(rivera, commitment, loaded)).toBe('Life-threatening condition');
    // Another responder's window with a copied commitment does not borrow the reason.
    expect(describeWindowReason(other, commitment, loaded)).toBe('not recorded with OwnChart');
  });

  it('says plainly when the reason is unknown, unreadable or not this viewer’s', () => {
    expect(describeWindowReason(rivera, commitment, { status: 'loaded', byCommitment: new Map() })).toBe(
      'not recorded with OwnChart',
    );
    expect(describeWindowReason(rivera, commitment, { status: 'failed' })).toBe('could not be loaded; try again later');
    expect(describeWindowReason(rivera, commitment, { status: 'not-patient' })).toBe('shown to the patient only');
  });
});
