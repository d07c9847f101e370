import { describe, expect, it } from 'vitest';
import type { OpenedRecord } from '../vault/openRecords';
import { chartOf, chartView } from './chartView';

const patient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const clinician = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const base = { root: '0x01', category: 0, anchoredAt: 1 } as const;

describe('chartView', () => {
  it('summarises the records that opened, and names the author of each row someone else wrote', () => {
    const records: OpenedRecord[] = [
      {
        ...base,
        contentHash: '0x0a',
        author: patient,
        problem: null,
        resource: { resourceType: 'Condition', id: 'c1', subject: {}, code: { text: 'Asthma' } },
      },
      {
        ...base,
        contentHash: '0x0b',
        author: clinician,
        problem: null,
        resource: { resourceType: 'Condition', id: 'c2', subject: {}, code: { text: 'Hypertension' } },
      },
      { ...base, contentHash: '0x0c', author: patient, problem: 'unreadable', resource: null },
    ];
    const view = chartView(records, patient);
    expect(view.resources).toHaveLength(2);
    expect(JSON.stringify(view.summary)).toContain('Hypertension');
    expect([...view.authors]).toEqual([['Condition/c2', clinician]]);
  });
});

describe('chartOf', () => {
  it('leaves out a record the summary cannot read, marked, and shows the rest', () => {
    const good: OpenedRecord = {
      ...base,
      contentHash: '0x0a',
      author: patient,
      problem: null,
      resource: {
        resourceType: 'Condition',
        id: 'c1',
        subject: {},
        code: { text: 'Asthma' },
        onsetDateTime: '2020-01-02',
      },
    };
    // Valid JSON, not valid FHIR (codings that are not a list, a date that is a number), written by
    // someone allowed to add records.
    const bad = {
      ...base,
      contentHash: '0x0b',
      author: clinician,
      problem: null,
      resource: { resourceType: 'Condition', id: 'c2', subject: {}, code: { coding: 'not a list' }, onsetDateTime: 5 },
    } as unknown as OpenedRecord;
    expect(() => chartView([good, bad], patient)).toThrow();
    const { records, chart } = chartOf([good, bad], patient);
    expect(records.map((r) => r.problem)).toEqual([null, 'malformed']);
    expect(JSON.stringify(chart.summary)).toContain('Asthma');
    expect(chart.resources).toHaveLength(1);
  });
});
