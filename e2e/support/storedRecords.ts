import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Address, PublicClient } from 'viem';
import { deployments } from '../../contracts-abi';
import { readRecordAnchors, type RecordAnchor } from '../../lib/vault/readRecordAnchors';
import { parseRecordManifest, type RecordLeaf, type RecordManifest } from '../../lib/vault/recordTree';

export type StoredRecord = RecordLeaf & { author: Address; anchoredAt: number };

/** Every manifest file the storage server keeps for `owner` under `dataDir` (files, any shard). */
function manifestFiles(dataDir: string, owner: Address): string[] {
  const root = path.join(dataDir, 'blobs', 'manifests', owner.toLowerCase());
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((shard) =>
    readdirSync(path.join(root, shard))
      .filter((name) => /^[0-9a-f]{64}$/.test(name))
      .map((name) => path.join(root, shard, name)),
  );
}

/**
 * What the chain and the storage server's disk say `owner` has: every root anchored (replayed
 * against the contract's head), and the record leaves of each from the manifest files in
 * `dataDir`, in anchoring order. A test's view from outside the app: no database, no API; a
 * manifest counts only for the anchor of its root by the author it names.
 */
export async function storedRecords(
  client: PublicClient,
  dataDir: string,
  owner: Address,
): Promise<{ anchors: RecordAnchor[]; records: StoredRecord[] }> {
  const { anchors } = await readRecordAnchors(
    client,
    { recordRoots: deployments['31337']!.RecordRoots, deployBlock: 0n },
    owner,
  );
  const manifests = manifestFiles(dataDir, owner).flatMap((file): RecordManifest[] => {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { author?: Address };
    if (!json.author) return [];
    return [parseRecordManifest(json, { patient: owner, author: json.author }).manifest];
  });
  const records = anchors.flatMap((anchor) => {
    const manifest = manifests.find((m) => m.root === anchor.root && m.author === anchor.author);
    return (manifest?.leaves ?? []).flatMap((leaf) =>
      leaf.kind === 'record' ? [{ ...leaf, author: anchor.author, anchoredAt: anchor.anchoredAt }] : [],
    );
  });
  return { anchors, records };
}
