import path from 'node:path';
import type { Address, PublicClient } from 'viem';
import { deployments } from '../../contracts-abi';
import { manifestScope } from '../../lib/storage/BlobStore';
import { BoundBlobStore } from '../../lib/storage/BoundBlobStore';
import { FsObjectStore } from '../../lib/storage/FsObjectStore';
import { e2eDatabase } from './database';
import { readRecordAnchors, type RecordAnchor } from '../../lib/vault/readRecordAnchors';
import { parseRecordManifest, type RecordLeaf } from '../../lib/vault/recordTree';

export type StoredRecord = RecordLeaf & { author: Address; anchoredAt: number };

/**
 * What the chain and the storage server's disk say `owner` has: every root anchored (replayed
 * against the contract's head), and the record leaves of each from the manifests in `dataDir`,
 * in anchoring order. A test's view from outside the app.
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
  const store = new BoundBlobStore(await e2eDatabase(), new FsObjectStore(path.join(dataDir, 'blobs')));
  const scope = manifestScope(owner);
  const manifests = await Promise.all(
    (await store.list(scope)).map(async (hash) => {
      const [bytes, binding] = await Promise.all([store.get(scope, hash), store.binding(scope, hash)]);
      return parseRecordManifest(JSON.parse(new TextDecoder().decode(bytes!)), {
        patient: owner,
        author: binding!.uploader,
      }).manifest;
    }),
  );
  const records = anchors.flatMap((anchor) => {
    const manifest = manifests.find((m) => m.root === anchor.root && m.author === anchor.author);
    return (manifest?.leaves ?? []).flatMap((leaf) =>
      leaf.kind === 'record' ? [{ ...leaf, author: anchor.author, anchoredAt: anchor.anchoredAt }] : [],
    );
  });
  return { anchors, records };
}
