import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoriesToMask } from '../categories';
import { parseBundle } from '../fhir/parseBundle';
import { deidentify } from './deidentify';
import { toCsv, toNdjson } from './toDataset';

const { resources } = parseBundle(readFileSync('fixtures/fhir/synthea-small-clemente-kreiger.json', 'utf8'));
const extract = deidentify(resources, categoriesToMask(['conditions', 'labs']), new Date('2026-01-01'));

describe('research datasets', () => {
  it('writes one CSV row per resource with codes, values and years only', () => {
    const csv = toCsv([{ participant: 'P1', resources: extract }]);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('participant,resource_type,code_system,code,description,value,year');
    expect(lines).toHaveLength(extract.length + 1);
    expect(csv).toContain('P1,Observation,http://loinc.org,8302-2,Body Height,');
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('writes FHIR NDJSON, one parseable resource per line, tagged by participant', () => {
    const lines = toNdjson([{ participant: 'P7', resources: extract }])
      .trim()
      .split('\n');
    expect(lines).toHaveLength(extract.length);
    const first = JSON.parse(lines[0]!) as { resourceType: string; meta: { tag: { code: string }[] } };
    expect(first.resourceType).toBe('Patient');
    expect(first.meta.tag[0]!.code).toBe('P7');
  });
});
