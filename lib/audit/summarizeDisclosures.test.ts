import { describe, expect, it } from 'vitest';
import type { LoggedDisclosure } from './disclosureChain';
import { summarizeDisclosures } from './summarizeDisclosures';

const PATIENT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const OKAFOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const ANA = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';

let seq = 0;
function entry(reader: string, kind: 'record' | 'key', category: number, at: number, basis = 'grant' as const) {
  return {
    seq: seq++,
    prev: '0x00',
    hash: '0x00',
    patient: PATIENT,
    reader,
    kind,
    category,
    contentHash: null,
    basis,
    at,
  } as LoggedDisclosure;
}

describe('summarizeDisclosures', () => {
  it('gives each reader one line: counts, categories, bases, first and last read', () => {
    const summary = summarizeDisclosures([
      entry(OKAFOR, 'key', 4, 1_000),
      entry(OKAFOR, 'record', 4, 2_000),
      entry(OKAFOR, 'record', 0, 3_000),
      entry(ANA, 'record', 1, 2_500, 'caregiver' as never),
      // The same reader spelled in another case is the same reader.
      entry(OKAFOR.toLowerCase(), 'record', 0, 1_500),
    ]);
    expect(summary).toEqual([
      { reader: OKAFOR, records: 3, keys: 1, categories: 0b1_0001, bases: ['grant'], firstAt: 1_000, lastAt: 3_000 },
      { reader: ANA, records: 1, keys: 0, categories: 0b10, bases: ['caregiver'], firstAt: 2_500, lastAt: 2_500 },
    ]);
  });

  it('puts the most recent reader first and is empty for an empty log', () => {
    expect(
      summarizeDisclosures([entry(OKAFOR, 'record', 0, 1), entry(ANA, 'record', 0, 2)]).map((s) => s.reader),
    ).toEqual([ANA, OKAFOR]);
    expect(summarizeDisclosures([])).toEqual([]);
  });
});
