import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Address, Hex } from 'viem';

/** Why a reader was allowed: the on-chain basis checked at the moment of the read. */
export type DisclosureBasis = 'grant' | 'emergency' | 'caregiver' | 'study';

/** One disclosure: someone other than the patient received a record or a key. */
export type Disclosure = {
  patient: Address;
  reader: Address;
  /** A record's ciphertext, a category key envelope, or a study contribution handed to a researcher. */
  kind: 'record' | 'key' | 'contribution';
  /** The category number; for a contribution, the study's categories as a bit set. */
  category: number;
  /** The record's or contribution's content hash, or null (keys). */
  contentHash: Hex | null;
  basis: DisclosureBasis;
  /** Milliseconds since the epoch, server time. */
  at: number;
};

/** A disclosure as logged: numbered, and chained to the one before by hash. */
export type LoggedDisclosure = Disclosure & { seq: number; prev: Hex; hash: Hex };

export const GENESIS: Hex = `0x${'00'.repeat(32)}`;

/** The hash of an entry: SHA-256 over its fields in a fixed order, including the previous hash. */
export function entryHash(entry: Omit<LoggedDisclosure, 'hash'>): Hex {
  const canonical = JSON.stringify([
    entry.seq,
    entry.prev,
    entry.at,
    entry.patient.toLowerCase(),
    entry.reader.toLowerCase(),
    entry.kind,
    entry.category,
    entry.contentHash,
    entry.basis,
  ]);
  return `0x${bytesToHex(sha256(utf8ToBytes(canonical)))}`;
}

/** Appends `disclosures` after `head` (the last logged entry, or null for an empty log). */
export function chainDisclosures(
  head: Pick<LoggedDisclosure, 'seq' | 'hash'> | null,
  disclosures: readonly Disclosure[],
): LoggedDisclosure[] {
  let seq = head ? head.seq + 1 : 0;
  let prev = head ? head.hash : GENESIS;
  return disclosures.map((disclosure) => {
    const entry = { ...disclosure, seq, prev };
    const hash = entryHash(entry);
    seq += 1;
    prev = hash;
    return { ...entry, hash };
  });
}

/** An anchor on-chain: the log's head hash when it held `count` entries. */
export type LogAnchor = { count: number; head: Hex };

export type VerifyResult =
  { ok: true; entries: number; anchored: number } | { ok: false; entries: number; problem: string };

/**
 * Checks a whole log: every entry numbered in order and chained to the previous one, and every
 * anchor on-chain matching the log's head at that length. An edited, removed, inserted or
 * reordered entry breaks the chain; a log rewritten consistently no longer matches its anchors.
 */
export function verifyDisclosureLog(entries: readonly LoggedDisclosure[], anchors: readonly LogAnchor[]): VerifyResult {
  let prev = GENESIS;
  for (const [i, entry] of entries.entries()) {
    if (entry.seq !== i) return { ok: false, entries: entries.length, problem: `entry ${i} is numbered ${entry.seq}` };
    if (entry.prev !== prev)
      return { ok: false, entries: entries.length, problem: `entry ${i} does not follow entry ${i - 1}` };
    const { hash, ...rest } = entry;
    if (entryHash(rest) !== hash) return { ok: false, entries: entries.length, problem: `entry ${i} was altered` };
    prev = hash;
  }
  for (const anchor of anchors) {
    if (anchor.count > entries.length) {
      return {
        ok: false,
        entries: entries.length,
        problem: `the chain anchors ${anchor.count} entries; the log has only ${entries.length}`,
      };
    }
    if (anchor.count > 0 && entries[anchor.count - 1]!.hash !== anchor.head) {
      return {
        ok: false,
        entries: entries.length,
        problem: `the log's first ${anchor.count} entries do not match the head anchored on-chain`,
      };
    }
  }
  return { ok: true, entries: entries.length, anchored: Math.max(0, ...anchors.map((a) => a.count)) };
}
