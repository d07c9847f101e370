import type { Resource } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categorizeResource } from '../fhir/categorizeResource';
import { describeResource } from '../fhir/describeResource';
import { parseBundle } from '../fhir/parseBundle';
import { CATEGORIES } from '../categories';
import { filterRecords, NO_FILTER } from './filterRecords';
import type { OpenedRecord } from './openRecords';

const bit = (key: string) => CATEGORIES.find((c) => c.key === key)!.bit;

function opened(resource: Resource, index: number): OpenedRecord {
  return {
    resource,
    problem: null,
    category: bit(categorizeResource(resource)),
    contentHash: `0x${index.toString(16).padStart(64, '0')}`,
  } as unknown as OpenedRecord;
}

const records = parseBundle(readFileSync('fixtures/fhir/synthea-small-clemente-kreiger.json', 'utf8')).resources.map(
  opened,
);
const titles = (found: ReturnType<typeof filterRecords>) =>
  found.matches.map((r) => describeResource(r.resource).title);

describe('filterRecords', () => {
  it('finds records by every word of the text, in any case, and by LOINC code', () => {
    const found = filterRecords(records, { ...NO_FILTER, text: 'blood PRESSURE' });
    expect(titles(found)).toEqual(['Blood Pressure', 'Blood Pressure', 'Blood Pressure']);
    expect(titles(filterRecords(records, { ...NO_FILTER, text: '29463-7' }))).toEqual([
      'Body Weight',
      'Body Weight',
      'Body Weight',
    ]);
  });

  it('filters by category and by an inclusive date range, newest first', () => {
    const found = filterRecords(records, { ...NO_FILTER, category: bit('immunizations'), from: '2015-01-01' });
    const dates = found.matches.map((r) => describeResource(r.resource).date!.slice(0, 10));
    expect(dates).toEqual(['2018-09-17', '2015-09-14', '2015-09-14']);
    const oneDay = filterRecords(records, { ...NO_FILTER, from: '2015-09-14', to: '2015-09-14' });
    expect(oneDay.matches.length).toBeGreaterThan(5);
    for (const r of oneDay.matches) expect(describeResource(r.resource).date).toMatch(/^2015-09-14/);
  });

  it('treats a year-only date as the whole year, and never counts an undated record as in range', () => {
    const condition = (date?: string): Resource =>
      ({
        resourceType: 'Condition',
        code: { text: 'Asthma' },
        subject: {},
        ...(date && { recordedDate: date }),
      }) as Resource;
    const found = filterRecords([condition('2019'), condition()].map(opened), {
      ...NO_FILTER,
      from: '2019-06-01',
      to: '2019-06-30',
    });
    expect(found.matches).toHaveLength(1);
  });

  it('counts records that could not be opened apart, rather than as non-matches', () => {
    const broken = { ...records[0]!, resource: null, problem: 'damaged' } as OpenedRecord;
    const found = filterRecords([broken, ...records], { ...NO_FILTER, text: 'weight' });
    expect(found.unsearchable).toBe(1);
    expect(found.matches).toHaveLength(3);
  });
});
