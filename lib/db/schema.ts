import type { GeneratedAlways } from 'kysely';

/**
 * The server's shared state, as Kysely sees it: one interface per table of migrations.ts.
 * Times are milliseconds since the epoch (int8, read as numbers by both drivers).
 */
export interface ServerTables {
  /** The accounting of disclosures: append-only (a trigger refuses UPDATE, DELETE, TRUNCATE). */
  disclosures: {
    seq: number;
    prev: string;
    hash: string;
    patient: string;
    reader: string;
    kind: string;
    category: number;
    content_hash: string | null;
    basis: string;
    at: number;
  };
  /** Category keys sealed from a patient to a recipient; storing one again replaces its box. */
  key_envelopes: {
    patient: string;
    recipient: string;
    category: number;
    version: number;
    box: string;
    /** Insertion order: envelopes are listed in the order first stored. */
    position: GeneratedAlways<number>;
  };
  /** Break-glass reasons revealed by the responder who committed to them. */
  emergency_reasons: {
    patient: string;
    responder: string;
    commitment: string;
    code: number;
    position: GeneratedAlways<number>;
  };
  /** Sign-in nonces already used, until they would have expired anyway. */
  spent_nonces: { nonce: string; expires_at: number };
  /** Sessions ended by signing out, until they would have expired anyway. */
  revoked_sessions: { id: string; expires_at: number };
  /** Fixed-window request counters, one row per bucket and key. */
  rate_limits: { key: string; window_start: number; points: number };
  /** What the server bound when each blob was stored (lib/storage/BlobStore.ts BlobBinding). */
  blob_bindings: {
    scope: string;
    hash: string;
    uploader: string;
    category: number | null;
    root: string | null;
    stored_at: number;
  };
  /** Uploads not yet anchored on-chain, counted against their uploader's allowance. */
  pending_uploads: { pool: string; uploader: string; scope: string; hash: string; bytes: number; stored_at: number };
}
