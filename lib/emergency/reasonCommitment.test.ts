import { describe, expect, it } from 'vitest';
import { commitReason, isReasonCode, reasonCommitment } from './reasonCommitment';

const patient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const rivera = '0x976EA74026E726554dB657fA54763abd0C3a0aa9';
const other = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955';

describe('break-glass reason commitments', () => {
  it('commit to the code with a fresh salt each time, so equal reasons look unrelated on-chain', () => {
    const first = commitReason({ patient, responder: rivera, code: 2 });
    const second = commitReason({ patient, responder: rivera, code: 2 });
    expect(first.commitment).not.toBe(second.commitment);
    expect(reasonCommitment(first)).toBe(first.commitment);
  });

  it('do not open to another code, salt, responder or patient', () => {
    const reveal = commitReason({ patient, responder: rivera, code: 1 });
    expect(reasonCommitment({ ...reveal, code: 2 })).not.toBe(reveal.commitment);
    expect(reasonCommitment({ ...reveal, salt: `0x${'00'.repeat(32)}` })).not.toBe(reveal.commitment);
    // Another responder copying this public commitment cannot open it as theirs.
    expect(reasonCommitment({ ...reveal, responder: other })).not.toBe(reveal.commitment);
    expect(reasonCommitment({ ...reveal, patient: other })).not.toBe(reveal.commitment);
  });

  it('accept only the reason codes OwnChart offers', () => {
    expect([0, 1, 4, 5, 1.5, '1'].map(isReasonCode)).toEqual([false, true, true, false, false, false]);
  });
});
