import { describe, expect, it } from 'vitest';
import { mustSignOut } from './mustSignOut';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const B = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

describe('mustSignOut', () => {
  it('keeps the session of the account that stays connected, and while a wallet reconnects', () => {
    expect(mustSignOut({ before: A, now: A, session: A })).toBe(false);
    expect(mustSignOut({ before: undefined, now: undefined, session: A })).toBe(false);
    expect(mustSignOut({ before: undefined, now: A, session: A.toLowerCase() })).toBe(false);
    expect(mustSignOut({ before: undefined, now: A, session: null })).toBe(false);
  });

  it('ends it when the wallet disconnects or switches account', () => {
    expect(mustSignOut({ before: A, now: undefined, session: A })).toBe(true);
    expect(mustSignOut({ before: A, now: B, session: A })).toBe(true);
  });

  it('ends a session of another account than the one connected after a reload', () => {
    expect(mustSignOut({ before: undefined, now: B, session: A })).toBe(true);
  });
});
