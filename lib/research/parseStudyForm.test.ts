import { describe, expect, it } from 'vitest';
import { InvalidStudyInputError, parseStudyForm, type StudyFormValues } from './parseStudyForm';

const NOW = Date.UTC(2026, 10, 25) / 1000;
const valid: StudyFormValues = {
  title: 'Asthma and air quality',
  purpose: 'How asthma control relates to local air quality over ten years.',
  consent: 'I agree that a de-identified extract of my conditions and medications is shared with the study team.',
  eligibility: 'Adults with asthma',
  categories: ['conditions', 'medications'],
  reward: '12.5',
  cap: '100',
  endsOn: '2027-03-31',
};

function fieldOf(values: Partial<StudyFormValues>): string | undefined {
  try {
    parseStudyForm({ ...valid, ...values }, 6, NOW);
    return undefined;
  } catch (error) {
    return (error as InvalidStudyInputError).field;
  }
}

describe('parseStudyForm', () => {
  it('turns a valid form into documents and contract arguments', () => {
    const parsed = parseStudyForm(valid, 6, NOW);
    expect(parsed.reward).toBe(12_500_000n);
    expect(parsed.categories).toBe(0b11);
    expect(parsed.cap).toBe(100);
    expect(parsed.endsAt).toBe(Date.UTC(2027, 3, 1) / 1000);
    expect(parsed.consent).toEqual({ kind: 'consent', text: valid.consent });
    expect(parsed.description.title).toBe('Asthma and air quality');
  });

  it('points at the field the contract would refuse', () => {
    expect(fieldOf({ title: ' ' })).toBe('title');
    expect(fieldOf({ purpose: 'short' })).toBe('purpose');
    expect(fieldOf({ consent: 'I agree.' })).toBe('consent');
    expect(fieldOf({ categories: [] })).toBe('categories');
    expect(fieldOf({ reward: 'ten' })).toBe('reward');
    expect(fieldOf({ reward: '0' })).toBe('reward');
    expect(fieldOf({ cap: '2.5' })).toBe('cap');
    expect(fieldOf({ cap: '0' })).toBe('cap');
    expect(fieldOf({ endsOn: '' })).toBe('endsOn');
    expect(fieldOf({ endsOn: '2020-01-01' })).toBe('endsOn');
  });
});
