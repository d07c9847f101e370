import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { buildDataset, datasetContributions } from './buildDataset';
import type { ContributionEntry } from './readStudies';

const entry = (
  patient: `0x${string}`,
  status: ContributionEntry['status'],
  enrolment: ContributionEntry['enrolment'],
) => ({ patient, status, enrolment, contentHash: `0x${'ab'.repeat(32)}` }) as ContributionEntry;

const alice = entry('0x00000000000000000000000000000000000000a1', 'accepted', 'enrolled');
const bob = entry('0x00000000000000000000000000000000000000b2', 'accepted', 'enrolled');
const observation: Resource = {
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
};

describe('datasetContributions', () => {
  it('keeps only accepted contributions whose consent still stands', () => {
    const withdrawn = entry('0x00000000000000000000000000000000000000c3', 'accepted', 'withdrawn');
    const pending = entry('0x00000000000000000000000000000000000000d4', 'submitted', 'enrolled');
    expect(datasetContributions([alice, withdrawn, pending, bob])).toEqual([alice, bob]);
  });
});

describe('buildDataset', () => {
  it('numbers participants in order and never names their address', async () => {
    const file = await buildDataset(7n, [alice, bob], 'ndjson', async () => [observation]);
    expect(file.name).toBe('study-7-dataset.ndjson');
    expect(file.type).toBe('application/fhir+ndjson');
    expect(file.content).not.toMatch(/0x0{30}/);
    expect(file.content.trim().split('\n')).toHaveLength(2);
  });

  it('stops, building nothing, when a contribution cannot be opened', async () => {
    const open = async (e: ContributionEntry) => {
      if (e === bob) throw new Error('tampered');
      return [observation];
    };
    await expect(buildDataset(7n, [alice, bob], 'csv', open)).rejects.toThrow('tampered');
  });
});
