import { describe, expect, it } from 'vitest';
import { ALL_CATEGORIES_MASK, CATEGORIES, categoriesToMask, describeScope, maskToCategories } from './categories';

describe('categories', () => {
  it('gives every category its own bit', () => {
    const bits = CATEGORIES.map((c) => c.bit);
    expect(new Set(bits).size).toBe(bits.length);
    expect(ALL_CATEGORIES_MASK).toBe(0x1ff);
  });

  it('round-trips keys through a bit set', () => {
    const mask = categoriesToMask(['allergies', 'conditions']);
    expect(mask).toBe(0b101);
    expect(maskToCategories(mask).map((c) => c.key)).toEqual(['conditions', 'allergies']);
  });

  it('describes a scope in plain words', () => {
    expect(describeScope(ALL_CATEGORIES_MASK)).toBe('All records');
    expect(describeScope(0b101)).toBe('Conditions, Allergies');
    expect(describeScope(1 << 20)).toBe('No known categories');
  });
});
