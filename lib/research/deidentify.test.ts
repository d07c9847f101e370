import type { Patient, Resource } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_CATEGORIES_MASK, categoriesToMask } from '../categories';
import { parseBundle } from '../fhir/parseBundle';
import { toChartSummary } from '../fhir/toChartSummary';
import { deidentify, FREE_TEXT_FIELDS } from './deidentify';

const FIXTURES = [
  'synthea-small-clemente-kreiger.json',
  'synthea-uscore-inferno-patient-85.json',
  'synthea-large-vito-feeney.json',
  'ips-document-minimal.json',
  'searchset-carin-bb-eob-include.json',
];

/** Every identifying string a bundle holds about its people: what must not survive. */
function identifiers(resources: Resource[]): string[] {
  const found = new Set<string>();
  // Patients have lists of names and addresses; an Organization's name is a string, a Location's
  // address a single object.
  const list = <T>(value: T | T[] | undefined): T[] => (Array.isArray(value) ? value : value ? [value] : []);
  for (const resource of resources) {
    const person = resource as unknown as { name?: unknown; address?: unknown; telecom?: { value?: string }[] };
    for (const name of list(person.name)) {
      if (typeof name === 'string') found.add(name);
      else {
        const { given, family, text } = name as { given?: string[]; family?: string; text?: string };
        for (const part of [...(given ?? []), family, text]) if (part) found.add(part);
      }
    }
    for (const address of list(person.address) as {
      line?: string[];
      city?: string;
      postalCode?: string;
      text?: string;
    }[]) {
      for (const part of [...(address.line ?? []), address.city, address.postalCode, address.text]) {
        if (part) found.add(part);
      }
    }
    for (const telecom of list(person.telecom)) if (telecom.value) found.add(telecom.value);
    for (const identifier of (resource as { identifier?: { value?: string }[] }).identifier ?? []) {
      if (identifier.value) found.add(identifier.value);
    }
    const patient = resource as Patient;
    if (patient.resourceType === 'Patient' && patient.birthDate) found.add(patient.birthDate);
  }
  // Very short values ("1", "M") would match anywhere and prove nothing.
  return [...found].filter((value) => value.length >= 4);
}

/** Free text written in a bundle (notes, code texts, conclusions…) that is not also a code's standard name. */
function freeTexts(resources: Resource[]): string[] {
  const texts = new Set<string>();
  const displays = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === 'string' && FREE_TEXT_FIELDS.has(key)) texts.add(field);
      else if (key === 'display' && typeof field === 'string') displays.add(field);
      else if (key === 'text' && typeof field === 'object' && field && 'div' in field) {
        texts.add(String((field as { div: unknown }).div));
      } else walk(field);
    }
  };
  walk(resources);
  // Short or standard words ("final", a code's display, a resource type such as "Medication")
  // prove nothing when they reappear.
  const types = new Set(resources.map((r) => r.resourceType as string));
  return [...texts].filter((text) => text.length >= 8 && !displays.has(text) && !types.has(text));
}

/**
 * Every string of three words or more in a bundle, decoded attachments included, that is not a
 * code's standard display name: prose someone wrote, found without the code's own field lists.
 */
function prose(resources: Resource[]): string[] {
  const found = new Set<string>();
  const displays = new Set<string>();
  const walk = (value: unknown, key = ''): void => {
    if (Array.isArray(value)) return value.forEach((item) => walk(item, key));
    if (typeof value === 'string') {
      if (key === 'display') displays.add(value);
      else if (value.trim().split(/\s+/).length >= 3) found.add(value);
      if (key === 'data') {
        const decoded = Buffer.from(value, 'base64').toString('utf8');
        for (const line of decoded.split('\n')) if (line.trim().split(/\s+/).length >= 3) found.add(line.trim());
      }
      return;
    }
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(resources);
  return [...found].filter((text) => !displays.has(text));
}

describe('deidentify on real exports', () => {
  for (const fixture of FIXTURES) {
    it(`leaves no name, address line, telecom, identifier, id or exact birth date of ${fixture}`, () => {
      const { resources } = parseBundle(readFileSync(`fixtures/fhir/${fixture}`, 'utf8'));
      const extract = JSON.stringify(deidentify(resources, ALL_CATEGORIES_MASK, new Date('2026-01-01')));
      const originalIds = resources.flatMap((r) => (r.id ? [r.id] : []));
      // As an id or the end of a reference ("Patient/85", "urn:uuid:…").
      expect(originalIds.filter((id) => [`"${id}"`, `/${id}"`, `:${id}"`].some((s) => extract.includes(s)))).toEqual(
        [],
      );
      // Fresh random pseudonyms could contain a short value by chance; look past them.
      const withoutPseudonyms = extract.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '');
      const leaks = identifiers(resources).filter((value) => withoutPseudonyms.includes(value));
      expect(leaks).toEqual([]);
      // Every date is a year: no month or day survives.
      expect(extract).not.toMatch(/"\d{4}-\d{2}/);
      // No free text of any kind: notes, code texts, dosage instructions, conclusions, narratives.
      const texts = freeTexts(resources);
      expect(texts.filter((text) => extract.includes(JSON.stringify(text)))).toEqual([]);
      for (const field of FREE_TEXT_FIELDS) expect(extract).not.toContain(`"${field}":"`);
      // Judged without the code's own field lists: no sentence of the original survives anywhere,
      // and nothing encoded (an attachment's base64 note) is carried along.
      const sentences = prose(resources).filter((text) => extract.includes(JSON.stringify(text)));
      expect(sentences).toEqual([]);
      expect(extract).not.toMatch(/[A-Za-z0-9+/]{120,}={0,2}/);
      // Identifiers under any name (Specimen.accessionIdentifier…), DICOM UIDs, lot numbers.
      expect(extract).not.toMatch(/"(\w*identifier|uid|lotNumber)":/i);
    });
  }

  it('gives no date at all, not even a year, for a patient over 89', () => {
    // Vito Feeney was born in 1910: an encounter "in 1922" would say he is over 90.
    const { resources } = parseBundle(readFileSync('fixtures/fhir/synthea-large-vito-feeney.json', 'utf8'));
    const extract = deidentify(resources, ALL_CATEGORIES_MASK, new Date('2026-01-01'));
    expect(extract.length).toBeGreaterThan(100);
    expect(JSON.stringify(extract)).not.toMatch(/"(1[89]|20)\d{2}"/);
  });

  it('keeps only the categories asked for, still readable as a chart', () => {
    const { resources } = parseBundle(readFileSync('fixtures/fhir/synthea-uscore-inferno-patient-85.json', 'utf8'));
    const extract = deidentify(resources, categoriesToMask(['conditions', 'labs']), new Date('2026-01-01'));
    const types = new Set(extract.map((r) => r.resourceType));
    expect([...types].sort()).toEqual(['Condition', 'DiagnosticReport', 'Observation', 'Patient', 'Specimen']);
    const chart = toChartSummary(extract);
    expect(chart.activeConditions.length).toBeGreaterThan(0);
    expect(chart.recentLabs.some((row) => row.detail && /\d/.test(row.detail))).toBe(true);
    expect(chart.activeConditions[0]!.date).toMatch(/^\d{4}$/);
  });

  it('reduces the patient to gender, birth year and state, and withholds the year over 89', () => {
    const patient: Patient = {
      resourceType: 'Patient',
      id: 'p1',
      name: [{ given: ['Ada'], family: 'Lovelace' }],
      gender: 'female',
      birthDate: '1950-12-10',
      address: [{ line: ['12 Rose Lane'], city: 'Springfield', state: 'MA', postalCode: '01103', country: 'US' }],
    };
    const [reduced] = deidentify([patient], ALL_CATEGORIES_MASK, new Date('2026-01-01'));
    expect(reduced).toEqual({
      resourceType: 'Patient',
      id: expect.any(String),
      gender: 'female',
      birthDate: '1950',
      address: [{ state: 'MA', country: 'US' }],
    });
    const [old] = deidentify([{ ...patient, birthDate: '1930-01-01' }], ALL_CATEGORIES_MASK, new Date('2026-01-01'));
    expect((old as Patient).birthDate).toBeUndefined();
  });

  it('keeps links between kept resources under pseudonyms and drops links to anything else', () => {
    const { resources } = parseBundle(readFileSync('fixtures/fhir/synthea-small-clemente-kreiger.json', 'utf8'));
    const extract = deidentify(resources, categoriesToMask(['labs', 'encounters']), new Date('2026-01-01'));
    const ids = new Set(extract.map((r) => `urn:uuid:${r.id}`));
    const references = [...JSON.stringify(extract).matchAll(/"reference":"([^"]+)"/g)].map((m) => m[1]!);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) expect(ids.has(reference)).toBe(true);
  });
});
