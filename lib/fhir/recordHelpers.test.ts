import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeClinicalNote, noteContent } from './clinicalNote';
import { describeResource, resourceTypeLabel } from './describeResource';
import { parseBundle } from './parseBundle';
import { toChartSummary } from './toChartSummary';
import { toExportBundle } from './toExportBundle';

const author = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('clinical notes', () => {
  it('carries the text, title and author account, and shows in the chart', () => {
    const note = makeClinicalNote({
      title: 'Follow-up',
      text: '  Wheeze improved; review in 3 months.  ',
      author,
      chainId: 31337,
    });
    expect(noteContent(note)).toEqual({ format: 'plain', text: 'Wheeze improved; review in 3 months.' });
    expect(note.author?.[0]?.identifier?.value).toBe(`eip155:31337:${author}`);
    expect(toChartSummary([note]).notes).toEqual([
      expect.objectContaining({
        title: 'Follow-up',
        note: { format: 'plain', text: 'Wheeze improved; review in 3 months.' },
      }),
    ]);
  });

  it('refuses an empty or overlong note with a sentence', () => {
    expect(() => makeClinicalNote({ title: '', text: '   ', author, chainId: 1 })).toThrow('Write the note');
    expect(() => makeClinicalNote({ title: '', text: 'x'.repeat(10_001), author, chainId: 1 })).toThrow('at most');
  });

  it('reads the clinical notes inside a Synthea US Core export', () => {
    const { resources } = parseBundle(readFileSync('fixtures/fhir/synthea-uscore-inferno-patient-85.json', 'utf8'));
    const notes = toChartSummary(resources).notes;
    expect(notes.length).toBe(23);
    expect(notes.filter((n) => n.note && n.note.text.length > 20).length).toBeGreaterThan(0);
  });
});

describe('describeResource', () => {
  it('names every resource of a real export with something readable', () => {
    const { resources } = parseBundle(readFileSync('fixtures/fhir/synthea-small-clemente-kreiger.json', 'utf8'));
    for (const resource of resources) {
      const { title } = describeResource(resource);
      expect(title.length).toBeGreaterThan(0);
      expect(title).not.toBe('Unnamed');
    }
    const immunization = resources.find((r) => r.resourceType === 'Immunization')!;
    expect(describeResource(immunization)).toMatchObject({
      kind: 'Immunization',
      date: expect.stringMatching(/^\d{4}-/),
    });
    expect(resourceTypeLabel('MedicationRequest')).toBe('Medication request');
  });
});

describe('toExportBundle', () => {
  it('round-trips through import unchanged', () => {
    const { resources } = parseBundle(readFileSync('fixtures/fhir/ips-document-minimal.json', 'utf8'));
    const exported = JSON.stringify(toExportBundle(resources));
    const again = parseBundle(exported);
    expect(again.type).toBe('collection');
    expect(again.resources).toEqual(resources);
  });
});

describe('medications named by reference', () => {
  it('resolves a MedicationRequest’s medicationReference to the Medication in the same export', () => {
    const { resources } = parseBundle(readFileSync('fixtures/fhir/synthea-uscore-inferno-patient-85.json', 'utf8'));
    const titles = toChartSummary(resources).currentMedications.map((m) => m.title);
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).not.toContain('Unnamed');
  });
});
