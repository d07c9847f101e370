import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBundle } from './parseBundle';
import { patientIdentity } from './patientIdentity';

const resources = (name: string) => parseBundle(readFileSync(`fixtures/fhir/${name}`, 'utf8')).resources;
const today = new Date(Date.UTC(2026, 11, 1));

describe('patientIdentity', () => {
  it('reads the official name, the age today and the sex from a Synthea Patient record', () => {
    expect(patientIdentity(resources('synthea-small-clemente-kreiger.json'), today)).toEqual({
      name: 'Clemente Kreiger',
      age: 42,
      sex: 'Male',
    });
  });

  it('reads the IPS document’s patient, who has no name use', () => {
    expect(patientIdentity(resources('ips-document-minimal.json'), today)).toEqual({
      name: 'Martha DeLarosa',
      age: 54,
      sex: 'Female',
    });
  });

  it('counts the age from the birthday, not the year', () => {
    const patient = { resourceType: 'Patient', birthDate: '1984-12-02' } as const;
    expect(patientIdentity([patient], today)?.age).toBe(41);
  });

  it('is null when no Patient record was shared, so the chart can say so', () => {
    const withoutPatient = resources('synthea-small-clemente-kreiger.json').filter((r) => r.resourceType !== 'Patient');
    expect(patientIdentity(withoutPatient, today)).toBeNull();
  });
});
