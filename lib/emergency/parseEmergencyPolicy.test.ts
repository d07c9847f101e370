import { describe, expect, it } from 'vitest';
import { categoriesToMask } from '../categories';
import { InvalidEmergencyPolicyError, parseEmergencyPolicy } from './parseEmergencyPolicy';

describe('parseEmergencyPolicy', () => {
  it('turns the chosen categories and hours into what setPolicy takes', () => {
    expect(parseEmergencyPolicy(['allergies', 'medications'], 24)).toEqual({
      categories: categoriesToMask(['allergies', 'medications']),
      windowSeconds: 86_400,
    });
  });

  it('refuses an empty choice of categories', () => {
    expect(() => parseEmergencyPolicy([], 24)).toThrow(
      new InvalidEmergencyPolicyError('categories', 'Choose at least one category.'),
    );
  });

  it('refuses a window the contract does not allow, such as 73 hours', () => {
    expect(() => parseEmergencyPolicy(['allergies'], 73)).toThrow(InvalidEmergencyPolicyError);
  });
});
