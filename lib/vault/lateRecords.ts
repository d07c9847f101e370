import type { ContentHash } from '../storage/BlobStore';

/** Records asked for by hash per request (the server's limit, MAX_BLOBS_PER_READ). */
const HASHES_PER_REQUEST = 250;

/**
 * `blobs` with any proven record it lacks asked for again by hash. The whole-chart answer and the
 * leaves are two requests: a root anchored (or a grant made) between them leaves a proven record
 * out of the first, which is then late, not missing. One the server still does not send is missing.
 */
export async function withLateRecords(
  blobs: Map<ContentHash, Uint8Array | 'damaged'>,
  records: readonly { contentHash: ContentHash }[],
  readBlobs: (hashes: readonly ContentHash[]) => Promise<Map<ContentHash, Uint8Array | 'damaged'>>,
): Promise<Map<ContentHash, Uint8Array | 'damaged'>> {
  const late = [...new Set(records.map((r) => r.contentHash).filter((hash) => !blobs.has(hash)))];
  const pages: ContentHash[][] = [];
  for (let i = 0; i < late.length; i += HASHES_PER_REQUEST) pages.push(late.slice(i, i + HASHES_PER_REQUEST));
  for (const answer of await Promise.all(pages.map(readBlobs))) {
    for (const [hash, bytes] of answer) blobs.set(hash, bytes);
  }
  return blobs;
}
