import { describe, expect, it } from 'vitest';
import { chainDisclosures } from './disclosureChain';
import { disclosuresToCsv } from './disclosuresToCsv';

describe('disclosuresToCsv', () => {
  it('writes one row per disclosure with time, reader, what, category and the log entry', () => {
    const entries = chainDisclosures(null, [
      {
        patient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
        reader: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
        kind: 'key',
        category: 4,
        contentHash: null,
        basis: 'grant',
        at: Date.UTC(2026, 10, 25, 9, 30),
      },
    ]);
    const [header, row] = disclosuresToCsv(entries).trim().split('\n');
    expect(header).toBe('time_utc,reader,what,category,record_hash,basis,log_entry,entry_hash');
    expect(row).toBe(
      `2026-11-25T09:30:00.000Z,0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC,category key,Labs and vitals,,grant,0,${entries[0]!.hash}`,
    );
  });
});
