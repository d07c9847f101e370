import { describe, expect, it } from 'vitest';
import { formCheckTime } from './chainTime';

describe('formCheckTime', () => {
  it('checks a form against chain time when the chain answered', () => {
    expect(formCheckTime(1_700_000_000, Date.UTC(2030, 0, 1))).toBe(1_700_000_000);
  });

  it('falls back to the device clock, in whole seconds, when the chain did not answer', () => {
    expect(formCheckTime(undefined, 1_700_000_000_999)).toBe(1_700_000_000);
  });
});
