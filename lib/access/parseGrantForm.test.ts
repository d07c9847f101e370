import { describe, expect, it } from 'vitest';
import { ALL_CATEGORIES_MASK } from '../categories';
import { InvalidGrantInputError, parseGrantForm, type GrantFormValues } from './parseGrantForm';

const patient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const clinician = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const now = Date.UTC(2026, 10, 25) / 1000;
const base: GrantFormValues = {
  grantee: clinician,
  allRecords: false,
  categories: ['conditions'],
  permission: 'read',
  expiresOn: '',
};

function refusal(values: Partial<GrantFormValues>) {
  try {
    parseGrantForm({ ...base, ...values }, patient, ALL_CATEGORIES_MASK, now);
  } catch (error) {
    if (error instanceof InvalidGrantInputError) return { field: error.field, message: error.shortMessage };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseGrantForm', () => {
  it('builds grant arguments with checksummed addresses and no expiry', () => {
    expect(parseGrantForm({ ...base, grantee: clinician.toLowerCase() }, patient, ALL_CATEGORIES_MASK, now)).toEqual([
      patient,
      clinician,
      1,
      1,
      0,
    ]);
  });

  it('grants every category for "All records" and ends at the end of the chosen day (UTC)', () => {
    const args = parseGrantForm(
      { ...base, allRecords: true, permission: 'readWrite', expiresOn: '2026-12-01' },
      patient,
      ALL_CATEGORIES_MASK,
      now,
    );
    expect(args[2]).toBe(ALL_CATEGORIES_MASK);
    expect(args[3]).toBe(2);
    expect(args[4]).toBe(Date.UTC(2026, 11, 2) / 1000);
  });

  it('refuses what the contract would refuse, naming the field', () => {
    expect(refusal({ grantee: '0x1234' })).toMatchInlineSnapshot(`
      {
        "field": "grantee",
        "message": "Enter a valid address: 0x followed by 40 hexadecimal characters.",
      }
    `);
    expect(refusal({ grantee: '0x0000000000000000000000000000000000000000' }).field).toBe('grantee');
    expect(refusal({ grantee: patient.toLowerCase() })).toMatchInlineSnapshot(`
      {
        "field": "grantee",
        "message": "That is your own address: you can always read your own records.",
      }
    `);
    expect(refusal({ categories: [] })).toMatchInlineSnapshot(`
      {
        "field": "categories",
        "message": "Choose at least one category, or All records.",
      }
    `);
    expect(refusal({ expiresOn: '2026-11-24' })).toMatchInlineSnapshot(`
      {
        "field": "expiresOn",
        "message": "The expiry date has already passed. Choose a later date.",
      }
    `);
    expect(refusal({ expiresOn: 'tomorrow' }).field).toBe('expiresOn');
  });

  it('accepts an expiry on the current day, which lasts until midnight UTC', () => {
    expect(parseGrantForm({ ...base, expiresOn: '2026-11-25' }, patient, ALL_CATEGORIES_MASK, now)[4]).toBe(
      now + 86_400,
    );
  });
});
