import type { Resource } from '@medplum/fhirtypes';
import type { ContentHash } from '../storage/BlobStore';
import { sha256HexAsync } from '../storage/sha256Hex';
import type { VerifiedRecord } from './verifyImports';
import { openRecord, readRecordKeyInfo } from './sealRecord';

/** The category key for (category, version), or null when this reader was never given it. */
export type Keyring = (category: number, version: number) => Promise<Uint8Array | null>;

export type OpenedRecord = VerifiedRecord &
  ({ resource: Resource; problem: null } | { resource: null; problem: RecordProblem });

export type RecordProblem = 'missing' | 'damaged' | 'tampered' | 'no-key' | 'unreadable' | 'malformed';

export const RECORD_PROBLEMS: Record<RecordProblem, string> = {
  missing: 'The storage server does not have this record’s content.',
  damaged:
    'The storage server’s copy of this record is damaged, so it was not opened. The other records are unaffected.',
  tampered: 'Refused: the content served does not match the record this import anchored on-chain.',
  'no-key': 'You do not hold the key this record was sealed with.',
  unreadable: 'This record could not be decrypted: the key is wrong or the data was altered.',
  malformed:
    'This record opened, but its content is not in a form OwnChart can show, so it was left out of the summary.',
};

/**
 * Verifies and decrypts records whose leaves were proven against the chain (see verifyImports),
 * from the `blobs` the storage server answered. Every blob is checked against its leaf's SHA-256 and category before
 * decryption; a record that fails any step is returned with the problem rather than dropped, so
 * nothing silently disappears from a chart.
 */
export async function openRecords(
  records: readonly VerifiedRecord[],
  { blobs, keyring }: { blobs: ReadonlyMap<ContentHash, Uint8Array | 'damaged'>; keyring: Keyring },
): Promise<OpenedRecord[]> {
  return Promise.all(
    records.map(async (record): Promise<OpenedRecord> => {
      const failed = (problem: RecordProblem): OpenedRecord => ({ ...record, resource: null, problem });
      const bytes = blobs.get(record.contentHash);
      if (!bytes) return failed('missing');
      if (bytes === 'damaged') return failed('damaged');
      try {
        if ((await sha256HexAsync(bytes)) !== record.contentHash.toLowerCase()) return failed('tampered');
        const { category, keyVersion } = readRecordKeyInfo(bytes);
        if (category !== record.category) return failed('tampered');
        const key = await keyring(category, keyVersion);
        if (!key) return failed('no-key');
        return { ...record, resource: await openRecord(bytes, key), problem: null };
      } catch {
        return failed('unreadable');
      }
    }),
  );
}
