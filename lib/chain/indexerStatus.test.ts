import { describe, expect, it } from 'vitest';
import { describeIndexerStatus, indexerStatus, reportIndexerStatus, subscribeIndexerStatus } from './indexerStatus';

describe('the indexer status', () => {
  it('says nothing while the indexer is current, and what happened when it is behind or down', () => {
    expect(describeIndexerStatus({ state: 'current' })).toBeNull();
    expect(describeIndexerStatus({ state: 'behind', blocks: 1200n })).toMatch(
      /1,200 blocks behind.*Nothing is missing/,
    );
    expect(describeIndexerStatus({ state: 'unreachable' })).toMatch(/cannot be reached.*Nothing is missing/);
  });

  it('tells listeners of a change only, so a page re-renders when there is something new to say', () => {
    let heard = 0;
    const stop = subscribeIndexerStatus(() => (heard += 1));
    reportIndexerStatus({ state: 'unreachable' });
    reportIndexerStatus({ state: 'unreachable' });
    expect(indexerStatus()).toEqual({ state: 'unreachable' });
    reportIndexerStatus({ state: 'current' });
    stop();
    reportIndexerStatus({ state: 'behind', blocks: 5n });
    expect(heard).toBe(2);
    reportIndexerStatus({ state: 'current' });
  });
});
