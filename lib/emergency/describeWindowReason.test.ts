import { describe, expect, it } from 'vitest';
import { describeWindowReason } from './describeWindowReason';

const commitment = `0x${'ab'.repeat(32)}` as const;

describe('describeWindowReason', () => {
  it('names a revealed reason by its code', () => {
    expect(describeWindowReason(commitment, { status: 'loaded', byCommitment: new Map([[commitment, 2]]) })).toBe(
      'Life-threatening condition',
    );
  });

  it('says plainly when the reason is unknown, unreadable or not this viewer’s', () => {
    expect(describeWindowReason(commitment, { status: 'loaded', byCommitment: new Map() })).toBe(
      'not given by the responder',
    );
    expect(describeWindowReason(commitment, { status: 'failed' })).toBe('could not be loaded; try again later');
    expect(describeWindowReason(commitment, { status: 'not-patient' })).toBe('shown to the patient only');
  });
});
