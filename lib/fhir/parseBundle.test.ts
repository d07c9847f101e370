import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FhirImportError } from './FhirImportError';
import { parseBundle } from './parseBundle';
import { summarizeResources } from './summarizeResources';

const fixture = (name: string) => readFileSync(`fixtures/fhir/${name}`, 'utf8');

function refusal(text: string, maxBytes?: number) {
  try {
    parseBundle(text, maxBytes);
  } catch (error) {
    if (error instanceof FhirImportError) return { code: error.code, message: error.shortMessage };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseBundle on real exports', () => {
  it('reads a Synthea transaction bundle and keeps every resource', () => {
    const { type, resources } = parseBundle(fixture('synthea-small-clemente-kreiger.json'));
    expect(type).toBe('transaction');
    expect(resources).toHaveLength(70);
  });

  it('reads an IPS document bundle', () => {
    const { type, resources } = parseBundle(fixture('ips-document-minimal.json'));
    expect(type).toBe('document');
    expect(resources.map((r) => r.resourceType)).toContain('Composition');
  });

  it('reads a searchset whose resourceType comes last in each object', () => {
    const { type, resources } = parseBundle(fixture('searchset-carin-bb-eob-include.json'));
    expect(type).toBe('searchset');
    expect(resources.filter((r) => r.resourceType === 'ExplanationOfBenefit')).toHaveLength(5);
  });

  it('previews the US Core bundle by category, keeping what it does not understand in "other"', () => {
    const { resources } = parseBundle(fixture('synthea-uscore-inferno-patient-85.json'));
    const preview = summarizeResources(resources);
    expect(preview.total).toBe(resources.length);
    const categories = Object.fromEntries(preview.byCategory);
    expect(categories).toMatchObject({ documents: expect.any(Number), encounters: 60, procedures: expect.any(Number) });
    expect(preview.byCategory.reduce((sum, [, n]) => sum + n, 0)).toBe(resources.length);
    expect(categories.other).toBeGreaterThan(0);
  });
});

describe('parseBundle refusals', () => {
  it('says what is wrong with each kind of bad file', () => {
    expect(refusal('{not json')).toMatchInlineSnapshot(`
      {
        "code": "invalid-json",
        "message": "This file is not valid JSON, so it cannot be a FHIR export.",
      }
    `);
    expect(refusal('{"hello": "world"}').code).toBe('not-fhir');
    expect(refusal('{"resourceType": "Patient", "id": "1"}')).toMatchInlineSnapshot(`
      {
        "code": "not-bundle",
        "message": "This file holds a single Patient, not a Bundle. Export your records as a FHIR Bundle and try again.",
      }
    `);
    expect(refusal('{"resourceType": "Bundle", "type": "history", "entry": []}').code).toBe('not-bundle');
    expect(refusal('{"resourceType": "Bundle", "type": "collection", "entry": []}')).toMatchInlineSnapshot(`
      {
        "code": "empty",
        "message": "This Bundle contains no records.",
      }
    `);
    expect(refusal('{"resourceType": "Bundle", "type": "collection"}', 10).code).toBe('too-large');
  });

  it('refuses DSTU2/STU3 content', () => {
    const stu3 = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: { resourceType: 'MedicationOrder' } }],
    };
    expect(refusal(JSON.stringify(stu3)).code).toBe('not-r4');
    const stu3Condition = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: { resourceType: 'Condition', clinicalStatus: 'active' } }],
    };
    expect(refusal(JSON.stringify(stu3Condition)).code).toBe('not-r4');
  });

  it('recognises older FHIR by its structure when nothing says which version it is', () => {
    const older = [
      // STU3 Observation: "comment" and "context" became "note" and "encounter" in R4.
      { resourceType: 'Observation', status: 'final', code: { text: 'Heart rate' }, comment: 'resting' },
      // STU3 MedicationStatement: "taken" was removed in R4.
      { resourceType: 'MedicationStatement', status: 'active', taken: 'y' },
      // DSTU2 Encounter: "patient" and a plain-code "class".
      { resourceType: 'Encounter', status: 'finished', class: 'outpatient' },
      // STU3 Immunization: "notGiven" and "date".
      { resourceType: 'Immunization', status: 'completed', notGiven: false, date: '2017-01-01' },
    ];
    for (const resource of older) {
      const bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource }] };
      expect(refusal(JSON.stringify(bundle)).code, resource.resourceType).toBe('not-r4');
    }
  });

  it('accepts every real R4 fixture: no structural false alarm', () => {
    for (const file of readdirSync('fixtures/fhir').filter((f) => f.endsWith('.json'))) {
      expect(() => parseBundle(readFileSync(path.join('fixtures/fhir', file), 'utf8')), file).not.toThrow();
    }
  });

  it('carries an OperationOutcome for FHIR clients', () => {
    const error = (() => {
      try {
        parseBundle('[]');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(FhirImportError);
    expect((error as FhirImportError).outcome.issue[0]).toMatchObject({ severity: 'error', code: 'invalid' });
  });
});
