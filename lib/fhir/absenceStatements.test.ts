import type { AllergyIntolerance, Bundle, Composition, Resource } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { absences } from './absenceStatements';
import { parseBundle } from './parseBundle';
import { toChartSummary } from './toChartSummary';

// The real IPS document (fixtures/fhir/SOURCES.md), and variants of it made the way other IPS
// documents say "unknown" and "none known", so each case reads as a real document would.
const ipsText = readFileSync('fixtures/fhir/ips-document-minimal.json', 'utf8');
const ips = () => JSON.parse(ipsText) as Bundle;
const resourcesOf = (bundle: Bundle): Resource[] => parseBundle(JSON.stringify(bundle)).resources;
const composition = (bundle: Bundle) =>
  bundle.entry!.map((e) => e.resource!).find((r): r is Composition => r.resourceType === 'Composition')!;
const allergySection = (bundle: Bundle) =>
  composition(bundle).section!.find((s) => s.code?.coding?.some((c) => c.code === '48765-2'))!;

describe('why a list is empty', () => {
  it('lists the one allergy the IPS document records, with nothing to say about absence', () => {
    const chart = toChartSummary(resourcesOf(ips()));
    expect(chart.allergies).toHaveLength(1);
    expect(chart.absence.allergies).toBe('not-recorded');
  });

  it('reads an allergy section whose emptyReason is "unavailable" as unknown, never as none', () => {
    const bundle = ips();
    const section = allergySection(bundle);
    const allergyRef = section.entry![0]!.reference;
    section.entry = undefined;
    section.emptyReason = {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason', code: 'unavailable' }],
    };
    bundle.entry = bundle.entry!.filter((e) => e.fullUrl !== allergyRef);
    const chart = toChartSummary(resourcesOf(bundle));
    expect(chart.allergies).toHaveLength(0);
    expect(chart.absence.allergies).toBe('unavailable');
  });

  it('reads a positive "no known allergies" statement as none known, and does not list it as an allergy', () => {
    const bundle = ips();
    const allergy = bundle
      .entry!.map((e) => e.resource!)
      .find((r): r is AllergyIntolerance => r.resourceType === 'AllergyIntolerance')!;
    allergy.code = {
      coding: [
        {
          system: 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips',
          code: 'no-known-allergies',
          display: 'No known allergies',
        },
      ],
    };
    const chart = toChartSummary(resourcesOf(bundle));
    expect(chart.allergies).toHaveLength(0);
    expect(chart.absence.allergies).toBe('none-known');
  });

  it('says nothing is known of problems or medications in a Synthea export that has none of them', () => {
    const synthea = parseBundle(readFileSync('fixtures/fhir/synthea-small-clemente-kreiger.json', 'utf8')).resources;
    const noAllergies = synthea.filter((r) => r.resourceType !== 'AllergyIntolerance');
    expect(absences(noAllergies).allergies).toBe('not-recorded');
  });

  it('keeps "no known drug allergy" as a row in its own words: it says nothing of food or latex', () => {
    const statement: AllergyIntolerance = {
      resourceType: 'AllergyIntolerance',
      patient: { reference: 'Patient/1' },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '409137002', display: 'No known drug allergy' }] },
    };
    expect(absences([statement]).allergies).toBe('not-recorded');
    expect(toChartSummary([statement]).allergies.map((r) => r.title)).toEqual(['No known drug allergy']);
  });

  it('ignores a "no known allergies" statement that was refuted or entered in error', () => {
    const refuted: AllergyIntolerance = {
      resourceType: 'AllergyIntolerance',
      patient: { reference: 'Patient/1' },
      verificationStatus: { coding: [{ code: 'refuted' }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '716186003', display: 'No known allergy' }] },
    };
    expect(absences([refuted]).allergies).toBe('not-recorded');
  });

  it('says "no active conditions" when the record lists only resolved ones, not "nothing recorded"', () => {
    const bundle = ips();
    for (const entry of bundle.entry!) {
      if (entry.resource?.resourceType === 'Condition') {
        entry.resource.clinicalStatus = {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }],
        };
      }
    }
    const chart = toChartSummary(resourcesOf(bundle));
    expect(chart.activeConditions).toHaveLength(0);
    expect(chart.absence.problems).toBe('none-current');
  });
});
