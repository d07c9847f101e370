import { describe, expect, it } from 'vitest';
import { commitReason, isReasonCode, reasonCommitment } from './reasonCommitment';

describe('break-glass reason commitments', () => {
  it('commit to the code with a fresh salt each time, so equal reasons look unrelated on-chain', () => {
    const first = commitReason(2);
    const second = commitReason(2);
    expect(first.commitment).not.toBe(second.commitment);
    expect(reasonCommitment(first)).toBe(first.commitment);
  });

  it('do not open to another code or salt', () => {
    const { commitment, salt } = commitReason(1);
    expect(reasonCommitment({ code: 2, salt })).not.toBe(commitment);
    expect(reasonCommitment({ code: 1, salt: `0x${'00'.repeat(32)}` })).not.toBe(commitment);
  });

  it('know the reason codes the contract numbers', () => {
    expect([0, 1, 4, 5, 1.5, '1'].map(isReasonCode)).toEqual([false, true, true, false, false, false]);
  });
});
