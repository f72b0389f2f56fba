// The PostgreSQL store's numbered migrations, tracked in schema_migrations; each runs in its own
// transaction (PostgreSQL's DDL is transactional), under an advisory lock so two cores starting at
// once do not both migrate. Append only: a released migration is never edited. A database migrated
// by newer code (a version above the last one here) is refused.
//
// What is in clear and what is sealed (field-crypto.ts) is decided here, column by column: every
// bytea column named *_sealed or listed in docs/_incoming/pg.md holds AES-256-GCM ciphertext.
// Version 1 is the SQLite store's schema as of its migration 19, in PostgreSQL's terms: the same
// tables and guarantees; no report cache (report_days: PostgreSQL reads the range directly).
import type pg from 'pg';
import { ContractError } from '../../../../../shared/errors';

export interface PgMigration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATION_LOCK = 0x4c49_4645_4d49;

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    description:
      'flags (queue columns in clear, personal fields sealed), events, changes, quarantine, cursors, audit trail, accounts, handovers, devices, keyring',
    sql: `
      -- The console key never comes here: a salt and a verifier to refuse a wrong key before anything
      -- is read or written, and the data keys wrapped by a key derived from it.
      CREATE TABLE key_check (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        salt bytea NOT NULL,
        verifier bytea NOT NULL,
        created_at_ms bigint NOT NULL
      );
      CREATE TABLE data_keys (
        key_id integer PRIMARY KEY,
        wrapped bytea NOT NULL,
        created_at_ms bigint NOT NULL
      );

      CREATE TABLE flags (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        revision integer NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'withdrawn')),
        flagged_at text NOT NULL,
        flagged_at_ms bigint NOT NULL,
        platform text,
        category text,
        risk text NOT NULL CHECK (risk IN ('imminent', 'high', 'elevated')),
        risk_rank integer NOT NULL,
        district_key text,
        route_outcome text,
        unit_key text,
        route_basis text,
        route_confidence text,
        route_candidates text,
        -- HMAC of platform and account id under a key derived from the console key (not a bare hash)
        subject_key text,
        training smallint NOT NULL,
        source text NOT NULL,
        received_at_ms bigint NOT NULL,
        updated_at_ms bigint NOT NULL,
        state text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'acknowledged', 'dispatched', 'closed')),
        acknowledged_by text,
        acknowledged_at_ms bigint,
        risk_raised_at_ms bigint,
        raise_acknowledged_at_ms bigint,
        dispatch_unit_key text,
        dispatched_at_ms bigint,
        confirmed_at_ms bigint,
        closed_at_ms bigint,
        outcome text,
        follow_up_sequence integer,
        follow_up_after_ms bigint,
        follow_up_due_at_ms bigint,
        personal_erased_at_ms bigint
      );
      CREATE INDEX flags_open_queue ON flags (training, risk_rank, flagged_at_ms) WHERE state <> 'closed';
      CREATE INDEX flags_follow_up_due ON flags (training) WHERE follow_up_sequence IS NOT NULL;
      CREATE INDEX flags_by_received_at ON flags (training, received_at_ms);
      CREATE INDEX flags_by_acknowledged_at ON flags (training, acknowledged_at_ms) WHERE acknowledged_at_ms IS NOT NULL;
      CREATE INDEX flags_by_subject ON flags (subject_key, flagged_at_ms) WHERE subject_key IS NOT NULL;
      CREATE INDEX flags_retention_due ON flags (closed_at_ms) WHERE state = 'closed' AND personal_erased_at_ms IS NULL;

      -- Sealed, every one (AES-256-GCM, associated data "flag_personal.<column>|<flag id>").
      CREATE TABLE flag_personal (
        flag_id text PRIMARY KEY REFERENCES flags (id),
        subject_sealed bytea NOT NULL,
        content_sealed bytea,
        location_sealed bytea,
        institution_sealed bytea,
        raw_sealed bytea NOT NULL
      );

      CREATE TABLE flag_revisions (
        flag_id text NOT NULL,
        revision integer NOT NULL,
        received_at_ms bigint NOT NULL,
        applied smallint NOT NULL,
        PRIMARY KEY (flag_id, revision)
      );

      -- detail_audit: the audit form (codes, numbers, lengths: shared/audit-detail.ts), in clear;
      -- detail_sealed: the whole detail (a reveal's reason, a close note), sealed. Retention drops
      -- the sealed half; nothing else about an event may ever change.
      CREATE TABLE flag_events (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        flag_id text NOT NULL,
        at_ms bigint NOT NULL,
        kind text NOT NULL,
        actor text,
        detail_audit text NOT NULL,
        detail_sealed bytea
      );
      CREATE INDEX flag_events_by_flag ON flag_events (flag_id, seq);
      CREATE INDEX flag_events_by_kind ON flag_events (kind, at_ms);
      CREATE FUNCTION flag_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.seq IS DISTINCT FROM OLD.seq OR NEW.flag_id IS DISTINCT FROM OLD.flag_id
          OR NEW.at_ms IS DISTINCT FROM OLD.at_ms OR NEW.kind IS DISTINCT FROM OLD.kind
          OR NEW.actor IS DISTINCT FROM OLD.actor OR NEW.detail_audit IS DISTINCT FROM OLD.detail_audit
          OR NEW.detail_sealed IS NOT NULL THEN
          RAISE EXCEPTION 'flag_events is append-only';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER flag_events_append_only BEFORE UPDATE OR DELETE ON flag_events
        FOR EACH ROW EXECUTE FUNCTION flag_events_append_only();

      -- The change feed: one row per flag changed by a transaction, its position taken at commit under
      -- the commit-order advisory lock (pg-db.ts), so positions are in commit order.
      CREATE TABLE flag_changes (
        pos bigint PRIMARY KEY,
        flag_id text NOT NULL,
        received boolean NOT NULL
      );

      CREATE TABLE quarantine (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        received_at_ms bigint NOT NULL,
        source text NOT NULL,
        field text NOT NULL,
        rule text NOT NULL,
        -- HMAC (keyed like subject_key) of the raw text: de-duplicates without a guessable hash
        raw_sha256 text NOT NULL UNIQUE,
        raw_sealed bytea,
        id_hint text
      );
      CREATE INDEX quarantine_by_time ON quarantine (received_at_ms);

      CREATE TABLE feed_cursors (
        feed_key text PRIMARY KEY,
        cursor text,
        committed_at_ms bigint NOT NULL
      );

      CREATE TABLE alarm_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at_ms bigint NOT NULL,
        kind text NOT NULL,
        actor text,
        detail_audit text NOT NULL,
        detail_sealed bytea NOT NULL
      );
      CREATE INDEX alarm_log_by_time ON alarm_log (at_ms);
      CREATE INDEX alarm_log_by_kind ON alarm_log (kind, at_ms);

      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END $$;
      CREATE TRIGGER alarm_log_append_only BEFORE UPDATE OR DELETE ON alarm_log
        FOR EACH ROW EXECUTE FUNCTION refuse_change();

      CREATE TABLE roster (
        shift_id text NOT NULL,
        desk text NOT NULL,
        operator text NOT NULL,
        supervisor smallint NOT NULL DEFAULT 0,
        PRIMARY KEY (shift_id, desk)
      );

      -- summary and notes sealed (a silence's reason, a supervisor's words); sha256 over the clear text.
      CREATE TABLE handovers (
        shift_id text PRIMARY KEY,
        summary_sealed bytea NOT NULL,
        notes_sealed bytea NOT NULL,
        signed_by text NOT NULL,
        signed_at_ms bigint NOT NULL,
        received_by text,
        received_at_ms bigint,
        sha256 text NOT NULL
      );
      CREATE FUNCTION handovers_receipt_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'a signed handover is kept'; END IF;
        IF OLD.received_by IS NOT NULL OR NEW.summary_sealed IS DISTINCT FROM OLD.summary_sealed
          OR NEW.notes_sealed IS DISTINCT FROM OLD.notes_sealed OR NEW.signed_by IS DISTINCT FROM OLD.signed_by
          OR NEW.signed_at_ms IS DISTINCT FROM OLD.signed_at_ms OR NEW.sha256 IS DISTINCT FROM OLD.sha256
          OR NEW.shift_id IS DISTINCT FROM OLD.shift_id THEN
          RAISE EXCEPTION 'a signed handover cannot be changed';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER handovers_receipt_only BEFORE UPDATE OR DELETE ON handovers
        FOR EACH ROW EXECUTE FUNCTION handovers_receipt_only();

      CREATE TABLE dispatches (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        flag_id text NOT NULL REFERENCES flags (id),
        unit_key text NOT NULL,
        routed_unit_key text,
        reason_sealed bytea,
        called_sealed bytea NOT NULL,
        means text NOT NULL,
        unit_reference_sealed bytea,
        dispatched_by text NOT NULL,
        dispatched_at_ms bigint NOT NULL,
        confirmed_by text,
        confirmed_at_ms bigint,
        confirmation_recorded_by text
      );
      CREATE INDEX dispatches_by_flag ON dispatches (flag_id, seq);

      CREATE TABLE follow_ups (
        flag_id text NOT NULL REFERENCES flags (id),
        sequence integer NOT NULL,
        after_ms bigint NOT NULL,
        due_at_ms bigint NOT NULL,
        training smallint NOT NULL,
        surfaced_at_ms bigint,
        outcome text,
        note_sealed bytea,
        done_by text,
        done_at_ms bigint,
        PRIMARY KEY (flag_id, sequence)
      );
      CREATE INDEX follow_ups_waiting ON follow_ups (due_at_ms) WHERE surfaced_at_ms IS NULL;

      CREATE TABLE audit_log (
        seq bigint PRIMARY KEY,
        at text NOT NULL,
        at_ms bigint NOT NULL,
        actor text NOT NULL,
        desk text NOT NULL,
        action text NOT NULL,
        target text,
        outcome text NOT NULL,
        detail_json text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
      );
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION refuse_change();

      -- Names compare without case, as SQLite's COLLATE NOCASE did.
      CREATE TABLE accounts (
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('operator', 'supervisor', 'auditor', 'administrator')),
        password_hash text NOT NULL,
        locked_at_ms bigint,
        created_at_ms bigint NOT NULL,
        created_by text NOT NULL,
        changed_at_ms bigint NOT NULL,
        changed_by text NOT NULL
      );
      CREATE UNIQUE INDEX accounts_by_name ON accounts (lower(name));
      CREATE TABLE session_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at_ms bigint NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        desk text NOT NULL
      );
      CREATE INDEX session_log_by_name ON session_log (lower(name), kind, at_ms);

      CREATE TABLE unit_contacts (
        unit_key text PRIMARY KEY,
        contact text NOT NULL,
        changed_by text NOT NULL,
        changed_at_ms bigint NOT NULL
      );

      CREATE TABLE device_enrolments (
        code_hash text PRIMARY KEY,
        device_name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('desk', 'wall')),
        created_by text NOT NULL,
        created_at_ms bigint NOT NULL,
        expires_at_ms bigint NOT NULL,
        used_at_ms bigint,
        withdrawn_at_ms bigint
      );
      CREATE TABLE devices (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('desk', 'wall')),
        credential_hash text NOT NULL UNIQUE,
        enrolled_by text NOT NULL,
        enrolled_at_ms bigint NOT NULL,
        revoked_at_ms bigint,
        revoked_by text
      );
      CREATE UNIQUE INDEX devices_live_name ON devices (name) WHERE revoked_at_ms IS NULL;

      CREATE TABLE request_results (
        request_id text PRIMARY KEY,
        channel text NOT NULL,
        actor text NOT NULL,
        at_ms bigint NOT NULL,
        result_sealed bytea NOT NULL
      );
      CREATE INDEX request_results_by_time ON request_results (at_ms);
    `,
  },
  {
    version: 2,
    description: 'room: resume tokens (only their hashes), as SQLite migration 23',
    sql: `
      CREATE TABLE resume_tokens (
        token_hash text PRIMARY KEY,
        binding text NOT NULL,
        account text NOT NULL,
        locked boolean NOT NULL,
        last_activity_ms bigint NOT NULL,
        last_seen_ms bigint NOT NULL,
        issued_at_ms bigint NOT NULL
      );
      CREATE INDEX resume_tokens_by_seen ON resume_tokens (last_seen_ms);
    `,
  },
  {
    version: 3,
    description:
      'unit registry versions (as SQLite migration 20); district control rooms: the unit role and its units, receipt, steps and hand-back of a dispatch (as SQLite migration 21)',
    // The registry (units, their areas and control-room numbers: police headquarters' data, no person's)
    // is in clear, as unit_contacts is; each save a row never changed or removed, audited by the store
    // (registry-queries.ts). A unit account's units are unit ids, in clear like its role. The
    // dispatch's unit side: times, codes and account names in clear (as acknowledged_by, confirmed_by);
    // the officers' names the unit typed sealed (officers_sealed, keyring.ts), where SQLite keeps a
    // clear column inside its encrypted file. A hand-back's reason and a step's note are only in the
    // flag events' sealed detail, which retention reduces like any other.
    sql: `
      CREATE TABLE unit_registry_versions (
        version integer PRIMARY KEY,
        registry_json text NOT NULL,
        units integer NOT NULL,
        changes_json text NOT NULL,
        saved_by text NOT NULL,
        saved_at_ms bigint NOT NULL,
        source_sha256 text
      );
      CREATE TRIGGER unit_registry_append_only BEFORE UPDATE OR DELETE ON unit_registry_versions
        FOR EACH ROW EXECUTE FUNCTION refuse_change();

      ALTER TABLE accounts DROP CONSTRAINT accounts_role_check;
      ALTER TABLE accounts ADD CONSTRAINT accounts_role_check
        CHECK (role IN ('operator', 'supervisor', 'auditor', 'administrator', 'unit'));
      ALTER TABLE accounts ADD COLUMN units text;
      ALTER TABLE accounts ADD CONSTRAINT accounts_units_for_unit CHECK ((role = 'unit') = (units IS NOT NULL));

      ALTER TABLE dispatches
        ADD COLUMN received_via text CHECK (received_via IN ('console', 'telephone')),
        ADD COLUMN officers_sealed bytea,
        ADD COLUMN officers_sent_at_ms bigint,
        ADD COLUMN contact_at_ms bigint,
        ADD COLUMN unit_outcome text,
        ADD COLUMN unit_outcome_at_ms bigint,
        ADD COLUMN handed_back_by text,
        ADD COLUMN handed_back_at_ms bigint;
      UPDATE dispatches SET received_via = 'telephone' WHERE confirmed_at_ms IS NOT NULL;
      CREATE INDEX dispatches_by_time ON dispatches (dispatched_at_ms);

      -- The current dispatch's unit side and a pending hand-back, on the flag, for the queue.
      ALTER TABLE flags
        ADD COLUMN received_by text,
        ADD COLUMN received_via text,
        ADD COLUMN officers_sent_at_ms bigint,
        ADD COLUMN contact_at_ms bigint,
        ADD COLUMN unit_outcome text,
        ADD COLUMN unit_outcome_at_ms bigint,
        ADD COLUMN handed_back_unit_key text,
        ADD COLUMN handed_back_by text,
        ADD COLUMN handed_back_at_ms bigint;
      UPDATE flags SET received_via = 'telephone',
        received_by = (SELECT confirmed_by FROM dispatches d WHERE d.flag_id = flags.id ORDER BY d.seq DESC LIMIT 1)
        WHERE confirmed_at_ms IS NOT NULL;
    `,
  },
  {
    version: 4,
    description:
      'room: a district control room desk bound to its units at enrolment (as SQLite migration 24)',
    // Unit ids in clear, like an account's units; NULL for a room device. Desks only.
    sql: `
      ALTER TABLE device_enrolments ADD COLUMN units text CHECK (units IS NULL OR kind = 'desk');
      ALTER TABLE devices ADD COLUMN units text CHECK (units IS NULL OR kind = 'desk');
    `,
  },
  {
    version: 5,
    description: 'room: holds and the alarm silence, shared by every core (as SQLite migration 25)',
    // Operators' names and desk labels in clear (as acknowledged_by); the silence's reason, which an
    // operator typed, sealed (keyring.ts).
    sql: `
      CREATE TABLE room_holds (
        flag_id text PRIMARY KEY,
        name text NOT NULL,
        desk text NOT NULL,
        core text NOT NULL,
        connection text NOT NULL,
        since_ms bigint NOT NULL,
        seen_ms bigint NOT NULL,
        release_at_ms bigint,
        taken_from text
      );
      CREATE INDEX room_holds_by_owner ON room_holds (core, connection);
      CREATE TABLE alarm_silence (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        silenced_by text NOT NULL,
        reason_sealed bytea NOT NULL,
        until_ms bigint NOT NULL
      );
    `,
  },
];

export const LATEST_PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;

async function currentVersion(client: pg.ClientBase): Promise<number> {
  await client.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return r.rows[0]?.v ?? 0;
}

/** The schema version without changing anything (0: never migrated). */
export async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS e`);
  if (!(exists.rows[0] as { e: boolean }).e) return 0;
  const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return r.rows[0]?.v ?? 0;
}

/**
 * Applies every migration above the database's version, each in one transaction; returns the
 * versions applied. Refuses a database from newer code.
 */
export async function migrate(
  client: pg.ClientBase,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<number[]> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  // A session lock around the whole run: another core waits, then finds nothing left to do.
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    const applied: number[] = [];
    const from = await currentVersion(client);
    if (from > latest) {
      throw new ContractError(
        'conflict',
        `The PostgreSQL database is at schema version ${from}, newer than this console knows (${latest}). ` +
          'Update the console; nothing was changed.',
      );
    }
    for (const m of migrations) {
      if (m.version <= from) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [
          m.version,
          m.description,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
      applied.push(m.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
  }
}
