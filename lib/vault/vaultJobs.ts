import type { Address } from 'viem';
import { chartOf, type ChartView } from '../fhir/chartView';
import type { ContentHash } from '../storage/BlobStore';
import { openRecords, type Keyring, type OpenedRecord } from './openRecords';
import type { RecordAnchor } from './readRecordAnchors';
import type { LeafProof } from './recordTree';
import { readRecordKeyInfo } from './sealRecord';
import { verifyImports, type VerifiedImports, type VerifiedRecord } from './verifyImports';

/** A category key as the keyring answered it: the key, null (never given), or failed to open. */
export type KeyEntry = { category: number; version: number; key: Uint8Array | null | 'failed' };

/** The chart's heavy steps, as plain data a worker can be sent (structured-cloneable). */
export type VaultJob =
  | { kind: 'verify'; anchors: RecordAnchor[]; imports: LeafProof[]; patient: Address; readable: number[] }
  | {
      kind: 'open';
      records: VerifiedRecord[];
      blobs: Map<ContentHash, Uint8Array | 'damaged'>;
      keys: KeyEntry[];
      patient: Address;
    };

/** Opened records with the chart made of them (summarising a thousand records is a long task too). */
export type OpenedChart = { records: OpenedRecord[]; chart: ChartView };

export type VaultJobResult = VerifiedImports | OpenedChart;

/** A keyring answering from `keys` exactly as the keyring they were read from did. */
export function keyringFrom(keys: readonly KeyEntry[]): Keyring {
  const byId = new Map(keys.map((entry) => [`${entry.category}/${entry.version}`, entry.key]));
  return async (category, version) => {
    const key = byId.get(`${category}/${version}`) ?? null;
    if (key === 'failed') throw new Error('This category key could not be opened.');
    return key;
  };
}

/**
 * Every category key the `records` will ask for (read from their blobs' headers), asked of
 * `keyring` once each: a handful of keys however many records, so the keyring (which may hold
 * private keys and open envelopes) stays where it is and only the keys it answered move.
 */
export async function resolveKeys(
  records: readonly VerifiedRecord[],
  blobs: ReadonlyMap<ContentHash, Uint8Array | 'damaged'>,
  keyring: Keyring,
): Promise<KeyEntry[]> {
  const wanted = new Map<string, { category: number; version: number }>();
  for (const record of records) {
    const bytes = blobs.get(record.contentHash);
    if (!(bytes instanceof Uint8Array)) continue;
    try {
      const { category, keyVersion } = readRecordKeyInfo(bytes);
      // A header naming another category than the proven leaf is refused as tampered, with no key.
      if (category !== record.category) continue;
      wanted.set(`${category}/${keyVersion}`, { category, version: keyVersion });
    } catch {
      // Not a sealed record: openRecords reports it unreadable, with no key needed.
    }
  }
  return Promise.all(
    [...wanted.values()].map(async ({ category, version }): Promise<KeyEntry> => {
      try {
        return { category, version, key: await keyring(category, version) };
      } catch {
        return { category, version, key: 'failed' };
      }
    }),
  );
}

/** Runs one job, in a worker or in place: the same functions either way. */
export async function runVaultJob(job: VaultJob): Promise<VaultJobResult> {
  if (job.kind === 'verify') {
    return verifyImports(job.anchors, job.imports, { patient: job.patient, readable: new Set(job.readable) });
  }
  return chartOf(await openRecords(job.records, { blobs: job.blobs, keyring: keyringFrom(job.keys) }), job.patient);
}
