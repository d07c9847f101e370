import type { Resource } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DecryptionFailedError, randomKey } from '../crypto/aesGcm';
import { parseBundle } from '../fhir/parseBundle';
import { sha256Hex } from '../storage/sha256Hex';
import { openRecord, readRecordKeyInfo, sealRecord, SealedRecordFormatError } from './sealRecord';

const condition: Resource = {
  resourceType: 'Condition',
  id: 'c1',
  subject: { reference: 'Patient/1' },
  code: { text: 'Asthma' },
};

describe('sealRecord', () => {
  it('round-trips a resource and labels it with its category key', async () => {
    const key = randomKey();
    const sealed = await sealRecord(condition, key, { category: 0, keyVersion: 3 });
    expect(readRecordKeyInfo(sealed)).toEqual({ category: 0, keyVersion: 3 });
    expect(await openRecord(sealed, key)).toEqual(condition);
    expect(new TextDecoder().decode(sealed)).not.toContain('Asthma');
  });

  it('gives the same resource a different blob (and hash) each time', async () => {
    const key = randomKey();
    const a = await sealRecord(condition, key, { category: 0, keyVersion: 1 });
    const b = await sealRecord(condition, key, { category: 0, keyVersion: 1 });
    expect(sha256Hex(a)).not.toBe(sha256Hex(b));
  });

  it('cannot be opened with an old category key after rotation', async () => {
    const before = randomKey();
    const after = randomKey();
    const sealedAfterRevoke = await sealRecord(condition, after, { category: 0, keyVersion: 2 });
    await expect(openRecord(sealedAfterRevoke, before)).rejects.toThrow(DecryptionFailedError);
  });

  it('refuses a record relabelled to another category or altered', async () => {
    const key = randomKey();
    const sealed = await sealRecord(condition, key, { category: 0, keyVersion: 1 });
    const relabelled = sealed.slice();
    relabelled[1] = 2;
    await expect(openRecord(relabelled, key)).rejects.toThrow(DecryptionFailedError);
    const altered = sealed.slice();
    altered[altered.length - 1]! ^= 1;
    await expect(openRecord(altered, key)).rejects.toThrow(DecryptionFailedError);
    await expect(openRecord(new Uint8Array([9, 9]), key)).rejects.toThrow(SealedRecordFormatError);
  });

  it('seals every resource of a real Synthea bundle', async () => {
    const { resources } = parseBundle(readFileSync('fixtures/fhir/synthea-small-clemente-kreiger.json', 'utf8'));
    const key = randomKey();
    const sealed = await Promise.all(resources.map((r) => sealRecord(r, key, { category: 4, keyVersion: 1 })));
    const opened = await Promise.all(sealed.map((s) => openRecord(s, key)));
    expect(opened).toEqual(resources);
  });
});
