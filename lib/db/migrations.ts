import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The schema, in order. Each migration runs once, in a transaction, under Kysely's migration
 * lock (so two servers starting together migrate once), and is never edited after it ships: a
 * change is a new entry. Plain SQL that PGlite and PostgreSQL run alike.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-server-state': {
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE disclosures (
          seq int8 PRIMARY KEY CHECK (seq >= 0),
          prev text NOT NULL,
          hash text NOT NULL UNIQUE,
          patient text NOT NULL,
          reader text NOT NULL,
          kind text NOT NULL,
          category int4 NOT NULL,
          content_hash text,
          basis text NOT NULL,
          at int8 NOT NULL
        )`.execute(db);
      await sql`CREATE INDEX disclosures_by_patient ON disclosures (patient, seq)`.execute(db);
      // The log is evidence: once written, no statement of this server may change or remove it.
      await sql`
        CREATE FUNCTION refuse_disclosure_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'The disclosure log is append-only: % refused', TG_OP;
        END $$`.execute(db);
      await sql`
        CREATE TRIGGER disclosures_append_only BEFORE UPDATE OR DELETE ON disclosures
        FOR EACH ROW EXECUTE FUNCTION refuse_disclosure_change()`.execute(db);
      await sql`
        CREATE TRIGGER disclosures_never_truncated BEFORE TRUNCATE ON disclosures
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_disclosure_change()`.execute(db);

      await sql`
        CREATE TABLE key_envelopes (
          patient text NOT NULL,
          recipient text NOT NULL,
          category int4 NOT NULL,
          version int4 NOT NULL,
          box text NOT NULL,
          position int8 GENERATED ALWAYS AS IDENTITY,
          PRIMARY KEY (patient, recipient, category, version)
        )`.execute(db);
      await sql`
        CREATE TABLE emergency_reasons (
          patient text NOT NULL,
          responder text NOT NULL,
          commitment text NOT NULL,
          code int4 NOT NULL,
          position int8 GENERATED ALWAYS AS IDENTITY,
          PRIMARY KEY (patient, responder, commitment)
        )`.execute(db);
      await sql`CREATE TABLE spent_nonces (nonce text PRIMARY KEY, expires_at int8 NOT NULL)`.execute(db);
      await sql`CREATE TABLE revoked_sessions (id text PRIMARY KEY, expires_at int8 NOT NULL)`.execute(db);
      await sql`
        CREATE TABLE rate_limits (key text PRIMARY KEY, window_start int8 NOT NULL, points int4 NOT NULL)`.execute(db);
      await sql`
        CREATE TABLE pending_uploads (
          pool text NOT NULL,
          uploader text NOT NULL,
          scope text NOT NULL,
          hash text NOT NULL,
          bytes int4 NOT NULL,
          stored_at int8 NOT NULL,
          PRIMARY KEY (pool, uploader, scope, hash)
        )`.execute(db);
    },
  },
  '0002-blob-bindings': {
    // Who stored each blob, for whom, in which category and import: what reads are authorized
    // against. In the database rather than beside the bytes, so the first uploader wins under
    // any concurrency (the primary key) and a batch read checks 250 bindings in one query.
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE blob_bindings (
          scope text NOT NULL,
          hash text NOT NULL,
          uploader text NOT NULL,
          category int4,
          root text,
          stored_at int8 NOT NULL,
          PRIMARY KEY (scope, hash)
        )`.execute(db);
    },
  },
};
