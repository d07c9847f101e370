import { describe, expect, it } from 'vitest';
import { chainDisclosures, verifyDisclosureLog, type Disclosure } from './disclosureChain';

const read = (i: number): Disclosure => ({
  patient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  reader: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  kind: 'record',
  category: i % 9,
  contentHash: `0x${i.toString(16).padStart(64, '0')}`,
  basis: 'grant',
  at: 1_700_000_000_000 + i,
});

describe('the disclosure log', () => {
  const first = chainDisclosures(null, [read(0), read(1), read(2)]);
  const log = [...first, ...chainDisclosures(first.at(-1)!, [read(3), read(4)])];
  const anchors = [
    { count: 3, head: log[2]!.hash },
    { count: 5, head: log[4]!.hash },
  ];

  it('verifies an intact log against its anchors', () => {
    expect(verifyDisclosureLog(log, anchors)).toEqual({ ok: true, entries: 5, anchored: 5 });
  });

  it('detects an altered entry', () => {
    const tampered = log.map((e, i) =>
      i === 1 ? { ...e, reader: '0x0000000000000000000000000000000000000bad' as const } : e,
    );
    expect(verifyDisclosureLog(tampered, anchors)).toMatchObject({ ok: false, problem: 'entry 1 was altered' });
  });

  it('detects a removed entry', () => {
    const removed = [log[0]!, ...log.slice(2)];
    expect(verifyDisclosureLog(removed, anchors).ok).toBe(false);
  });

  it('detects a log rewritten consistently, by its anchors', () => {
    // Someone rebuilds the chain without the read of record 1: internally consistent, but not what was anchored.
    const rewritten = chainDisclosures(null, [read(0), read(2), read(3), read(4)]);
    expect(verifyDisclosureLog(rewritten, [])).toMatchObject({ ok: true });
    expect(verifyDisclosureLog(rewritten, anchors)).toMatchObject({
      ok: false,
      problem: "the log's first 3 entries do not match the head anchored on-chain",
    });
  });

  it('detects a truncated log', () => {
    expect(verifyDisclosureLog(log.slice(0, 4), anchors)).toMatchObject({ ok: false });
  });
});
