import 'server-only';
import type { Address } from 'viem';
import type { BlobScope, BlobStore, ContentHash } from '../storage/BlobStore';

export type UploadQuota = {
  /** Counts an upload against its uploader's unanchored allowance, or says why it cannot be taken. */
  reserve(upload: {
    scope: BlobScope;
    uploader: Address;
    hash: ContentHash;
    bytes: number;
  }): Promise<{ ok: true } | { ok: false; message: string }>;
};

type Pending = { hash: ContentHash; bytes: number; storedAt: number };

export type UploadQuotaParameters = {
  store: BlobStore;
  /** Which of `hashes` the chain has anchored in `scope`; one multicall. */
  anchored: (scope: BlobScope, hashes: readonly ContentHash[]) => Promise<boolean[]>;
  /** Unanchored bytes one uploader may keep in one scope. */
  limitBytes?: number;
  /** How long an upload may wait for its anchor before it is collected. */
  graceMs?: number;
  now?: () => number;
};

/** Above the largest import (1,244 records, ≈6 MB sealed) many times over. */
export const UNANCHORED_LIMIT_BYTES = 64 * 1024 * 1024;
export const UNANCHORED_GRACE_MS = 60 * 60_000;

/**
 * Uploads are stored before they are anchored (the anchor needs their hashes), so storage is
 * open to data that never gets anchored. This bounds it: each uploader may keep `limitBytes`
 * unanchored per scope; when an upload would pass that, uploads the chain has since anchored are
 * released, and those older than `graceMs` and still unanchored are deleted. In memory: after a
 * restart, earlier unanchored uploads are no longer counted (the shared database of the
 * "Beyond one machine" issue keeps them).
 */
export function createUploadQuota({
  store,
  anchored,
  limitBytes = UNANCHORED_LIMIT_BYTES,
  graceMs = UNANCHORED_GRACE_MS,
  now = Date.now,
}: UploadQuotaParameters): UploadQuota {
  const pending = new Map<string, Pending[]>();
  const total = (list: readonly Pending[]) => list.reduce((sum, p) => sum + p.bytes, 0);

  async function settle(scope: BlobScope, list: Pending[]): Promise<Pending[]> {
    const isAnchored = await anchored(
      scope,
      list.map((p) => p.hash),
    );
    const waiting: Pending[] = [];
    for (const [i, upload] of list.entries()) {
      if (isAnchored[i]) continue;
      if (now() - upload.storedAt > graceMs) await store.delete(scope, upload.hash);
      else waiting.push(upload);
    }
    return waiting;
  }

  return {
    async reserve({ scope, uploader, hash, bytes }) {
      const key = `${scope}|${uploader.toLowerCase()}`;
      let list = pending.get(key) ?? [];
      if (list.some((p) => p.hash === hash)) return { ok: true };
      if (total(list) + bytes > limitBytes) list = await settle(scope, list);
      if (total(list) + bytes > limitBytes) {
        pending.set(key, list);
        return {
          ok: false,
          message: `You have ${Math.round(total(list) / 1024 / 1024)} MB of records stored but not yet anchored on-chain. Anchor them (finish the import) before storing more.`,
        };
      }
      list.push({ hash, bytes, storedAt: now() });
      pending.set(key, list);
      return { ok: true };
    },
  };
}
