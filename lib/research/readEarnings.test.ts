import { describe, expect, it } from 'vitest';
import { cumulativeByMonth } from './readEarnings';

describe('cumulativeByMonth', () => {
  it('adds rewards up month by month, in time order', () => {
    const at = (iso: string) => Date.parse(iso) / 1000;
    const rewards = new Map([
      [1n, 25n],
      [2n, 10n],
    ]);
    const points = cumulativeByMonth(
      [
        { studyId: 2n, earnedAt: at('2026-03-02T00:00:00Z') },
        { studyId: 1n, earnedAt: at('2026-01-15T00:00:00Z') },
        { studyId: 1n, earnedAt: at('2026-03-20T00:00:00Z') },
      ],
      (id) => rewards.get(id)!,
    );
    expect(points).toEqual([
      { month: '2026-01', total: 25n },
      { month: '2026-03', total: 60n },
    ]);
  });
});
