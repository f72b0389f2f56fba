// Numbered migrations, tracked in PRAGMA user_version. Append only: a released migration is never
// edited. A database whose user_version is above the last one here was written by newer code and
// is refused (see open-database.ts).
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description:
      'flags, their personal fields apart, revision history, append-only events, quarantine, feed cursors',
    sql: `
      CREATE TABLE flags (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        revision INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'withdrawn')),
        flagged_at TEXT NOT NULL,
        flagged_at_ms INTEGER NOT NULL,
        platform TEXT,
        category TEXT,
        risk TEXT NOT NULL CHECK (risk IN ('imminent', 'high', 'elevated')),
        risk_rank INTEGER NOT NULL,
        district_key TEXT,
        training INTEGER NOT NULL,
        source TEXT NOT NULL,
        received_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL,
        -- operator-owned from here on: a feed revision never writes these
        state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'acknowledged', 'dispatched', 'closed')),
        acknowledged_by TEXT,
        acknowledged_at_ms INTEGER,
        -- a revision raised the risk of a flag the room had already acknowledged (platform-owned) …
        risk_raised_at_ms INTEGER,
        -- … and an operator acknowledged that raise (operator-owned)
        raise_acknowledged_at_ms INTEGER
      );
      CREATE INDEX flags_open_queue ON flags (risk_rank, flagged_at_ms) WHERE state <> 'closed';
      CREATE INDEX flags_by_flagged_at ON flags (flagged_at_ms);

      -- Personal fields apart from the queue's columns: queue scans never read them, and
      -- retention can erase them while the de-identified flag stays.
      CREATE TABLE flag_personal (
        flag_id TEXT PRIMARY KEY REFERENCES flags (id),
        subject_json TEXT NOT NULL,
        content_json TEXT,
        location_json TEXT,
        institution TEXT,
        raw_json TEXT NOT NULL
      );

      CREATE TABLE flag_revisions (
        flag_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        received_at_ms INTEGER NOT NULL,
        applied INTEGER NOT NULL,
        PRIMARY KEY (flag_id, revision)
      ) WITHOUT ROWID;

      CREATE TABLE flag_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        flag_id TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT,
        detail_json TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX flag_events_by_flag ON flag_events (flag_id, seq);
      CREATE TRIGGER flag_events_no_update BEFORE UPDATE ON flag_events
        BEGIN SELECT RAISE(ABORT, 'flag_events is append-only'); END;
      CREATE TRIGGER flag_events_no_delete BEFORE DELETE ON flag_events
        BEGIN SELECT RAISE(ABORT, 'flag_events is append-only'); END;

      CREATE TABLE quarantine (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        received_at_ms INTEGER NOT NULL,
        source TEXT NOT NULL,
        field TEXT NOT NULL,
        rule TEXT NOT NULL,
        raw_sha256 TEXT NOT NULL,
        raw_text TEXT NOT NULL,
        id_hint TEXT
      );
      -- The same bad record redelivered (or imported again) is quarantined once.
      CREATE UNIQUE INDEX quarantine_once ON quarantine (raw_sha256);

      CREATE TABLE feed_cursors (
        feed_key TEXT PRIMARY KEY,
        cursor TEXT,
        committed_at_ms INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'alarm log (silences, floods, escalations, feed alarms, tests) and arrivals by time',
    sql: `
      CREATE TABLE alarm_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at_ms INTEGER NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT,
        detail_json TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX alarm_log_by_time ON alarm_log (at_ms);
      CREATE TRIGGER alarm_log_no_update BEFORE UPDATE ON alarm_log
        BEGIN SELECT RAISE(ABORT, 'alarm_log is append-only'); END;
      CREATE TRIGGER alarm_log_no_delete BEFORE DELETE ON alarm_log
        BEGIN SELECT RAISE(ABORT, 'alarm_log is append-only'); END;
      CREATE INDEX flags_by_received_at ON flags (training, received_at_ms);
      CREATE INDEX flags_by_acknowledged_at ON flags (training, acknowledged_at_ms) WHERE acknowledged_at_ms IS NOT NULL;
    `,
  },
  {
    version: 3,
    description: 'shift roster and signed, unchangeable handovers',
    sql: `
      CREATE TABLE roster (
        shift_id TEXT NOT NULL,
        desk TEXT NOT NULL,
        operator TEXT NOT NULL,
        supervisor INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (shift_id, desk)
      ) WITHOUT ROWID;

      CREATE TABLE handovers (
        shift_id TEXT PRIMARY KEY,
        summary_json TEXT NOT NULL,
        notes TEXT NOT NULL,
        signed_by TEXT NOT NULL,
        signed_at_ms INTEGER NOT NULL,
        received_by TEXT,
        received_at_ms INTEGER,
        sha256 TEXT NOT NULL
      );
      -- Signed is final: only the incoming supervisor's receipt may be added, once.
      CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers
        BEGIN SELECT RAISE(ABORT, 'a signed handover is kept'); END;
      CREATE TRIGGER handovers_receipt_only BEFORE UPDATE ON handovers
        WHEN OLD.received_by IS NOT NULL
          OR NEW.summary_json IS NOT OLD.summary_json OR NEW.notes IS NOT OLD.notes
          OR NEW.signed_by IS NOT OLD.signed_by OR NEW.signed_at_ms IS NOT OLD.signed_at_ms
          OR NEW.sha256 IS NOT OLD.sha256 OR NEW.shift_id IS NOT OLD.shift_id
        BEGIN SELECT RAISE(ABORT, 'a signed handover cannot be changed'); END;

      CREATE INDEX flag_events_by_kind ON flag_events (kind, at_ms);
      CREATE INDEX quarantine_by_time ON quarantine (received_at_ms);
    `,
  },
  {
    version: 4,
    description:
      'the responsible police unit of each flag, with what the routing rested on (older rows: filled on open)',
    sql: `
      ALTER TABLE flags ADD COLUMN route_outcome TEXT;
      ALTER TABLE flags ADD COLUMN unit_key TEXT;
      ALTER TABLE flags ADD COLUMN route_basis TEXT;
      ALTER TABLE flags ADD COLUMN route_confidence TEXT;
    `,
  },
  {
    version: 5,
    description: 'dispatch to a unit, its confirmation, the outcome and close (each step also a flag event)',
    sql: `
      ALTER TABLE flags ADD COLUMN dispatch_unit_key TEXT;
      ALTER TABLE flags ADD COLUMN dispatched_at_ms INTEGER;
      ALTER TABLE flags ADD COLUMN confirmed_at_ms INTEGER;
      ALTER TABLE flags ADD COLUMN closed_at_ms INTEGER;
      ALTER TABLE flags ADD COLUMN outcome TEXT;
      CREATE TABLE dispatches (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        flag_id TEXT NOT NULL REFERENCES flags (id),
        unit_key TEXT NOT NULL,
        routed_unit_key TEXT,
        reason TEXT,
        called TEXT NOT NULL,
        means TEXT NOT NULL,
        unit_reference TEXT,
        dispatched_by TEXT NOT NULL,
        dispatched_at_ms INTEGER NOT NULL,
        confirmed_by TEXT,
        confirmed_at_ms INTEGER,
        confirmation_recorded_by TEXT
      );
      CREATE INDEX dispatches_by_flag ON dispatches (flag_id, seq);
      CREATE INDEX flags_unconfirmed ON flags (training, dispatched_at_ms)
        WHERE state = 'dispatched' AND confirmed_at_ms IS NULL;
    `,
  },
  {
    version: 6,
    description:
      'repeat flags of one account, linked by a hash of platform and account id (older rows: filled on open)',
    sql: `
      ALTER TABLE flags ADD COLUMN subject_key TEXT;
      CREATE INDEX flags_by_subject ON flags (subject_key, flagged_at_ms) WHERE subject_key IS NOT NULL;
      -- Work for the store to do once in code after this migration (then the row is deleted), so a
      -- current database is never scanned for it on open.
      CREATE TABLE pending_backfills (name TEXT PRIMARY KEY) WITHOUT ROWID;
      INSERT INTO pending_backfills (name) VALUES ('routes'), ('subject_keys');
    `,
  },
  {
    version: 7,
    description:
      'welfare check-ins after a closed intervention: scheduled at close, surfaced into the queue when due',
    sql: `
      CREATE TABLE follow_ups (
        flag_id TEXT NOT NULL REFERENCES flags (id),
        sequence INTEGER NOT NULL,
        after_ms INTEGER NOT NULL,
        due_at_ms INTEGER NOT NULL,
        training INTEGER NOT NULL,
        surfaced_at_ms INTEGER,
        outcome TEXT,
        note TEXT,
        done_by TEXT,
        done_at_ms INTEGER,
        PRIMARY KEY (flag_id, sequence)
      ) WITHOUT ROWID;
      CREATE INDEX follow_ups_waiting ON follow_ups (due_at_ms) WHERE surfaced_at_ms IS NULL;
      -- The check-in a flag has due now (at most one at a time): the queue reads it from the flag.
      ALTER TABLE flags ADD COLUMN follow_up_sequence INTEGER;
      ALTER TABLE flags ADD COLUMN follow_up_after_ms INTEGER;
      ALTER TABLE flags ADD COLUMN follow_up_due_at_ms INTEGER;
      CREATE INDEX flags_follow_up_due ON flags (training) WHERE follow_up_sequence IS NOT NULL;
    `,
  },
  {
    version: 8,
    description:
      'tamper-evident, append-only audit trail of every operator and system change, fed by triggers',
    // The functions audit_* are registered on every connection (store/sqlite/register-audit-functions.ts).
    sql: `
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        actor TEXT NOT NULL,
        desk TEXT NOT NULL,
        action TEXT NOT NULL,
        -- a flag's id or a shift id: never a subject's name or content
        target TEXT,
        outcome TEXT NOT NULL,
        -- codes, numbers and lengths only (core/audit/audit-detail.ts)
        detail_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      -- The one way in: every source below inserts here and this trigger chains the entry, so the
      -- chain is computed in one place, inside the transaction of the change it records.
      CREATE VIEW audit_append (at_ms, actor, action, target, detail_json) AS
        SELECT NULL, NULL, NULL, NULL, NULL WHERE 0;
      CREATE TRIGGER audit_append_insert INSTEAD OF INSERT ON audit_append
      BEGIN
        INSERT INTO audit_log (seq, at, at_ms, actor, desk, action, target, outcome, detail_json, prev_hash, hash)
        SELECT seq, at, at_ms, actor, desk, action, target, outcome, detail, prev,
               audit_hash(seq, prev, at, at_ms, actor, desk, action, target, outcome, detail)
        FROM (SELECT coalesce((SELECT max(seq) FROM audit_log), 0) + 1 AS seq,
                     audit_at_text(NEW.at_ms) AS at, NEW.at_ms AS at_ms,
                     coalesce(NEW.actor, 'system') AS actor, audit_desk() AS desk,
                     NEW.action AS action, NEW.target AS target, 'ok' AS outcome,
                     audit_detail(NEW.detail_json) AS detail,
                     coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1),
                              '0000000000000000000000000000000000000000000000000000000000000000') AS prev);
      END;

      -- Every flag event except the feed's own (ingest writes no audit entry): acknowledgement,
      -- dispatch, confirmation, close, and any kind added later, as 'flag.' || kind. Comparisons,
      -- not NOT IN: a list of three builds a temporary index on every ingested event.
      CREATE TRIGGER audit_flag_events AFTER INSERT ON flag_events
        WHEN NEW.kind <> 'received' AND NEW.kind <> 'revised' AND NEW.kind <> 'withdrawn'
      BEGIN
        INSERT INTO audit_append VALUES (NEW.at_ms, NEW.actor, 'flag.' || NEW.kind, NEW.flag_id, NEW.detail_json);
      END;
      -- Silences, tests, escalations, floods, feed alarms: few, and each one matters.
      CREATE TRIGGER audit_alarm_log AFTER INSERT ON alarm_log
      BEGIN
        INSERT INTO audit_append VALUES (NEW.at_ms, NEW.actor, 'alarm.' || NEW.kind,
          CASE WHEN json_valid(NEW.detail_json) THEN json_extract(NEW.detail_json, '$.flagId') END,
          NEW.detail_json);
      END;
      -- The roster does not record who edited it: 'unattributed' says so rather than blame 'system'.
      CREATE TRIGGER audit_roster_insert AFTER INSERT ON roster
      BEGIN
        INSERT INTO audit_append VALUES (audit_now_ms(), 'unattributed', 'roster.changed', NEW.shift_id,
          json_object('change', 'assigned', 'desk', NEW.desk, 'operator', NEW.operator, 'supervisor', NEW.supervisor));
      END;
      CREATE TRIGGER audit_roster_update AFTER UPDATE ON roster
      BEGIN
        INSERT INTO audit_append VALUES (audit_now_ms(), 'unattributed', 'roster.changed', NEW.shift_id,
          json_object('change', 'assigned', 'desk', NEW.desk, 'operator', NEW.operator, 'supervisor', NEW.supervisor));
      END;
      CREATE TRIGGER audit_roster_delete AFTER DELETE ON roster
      BEGIN
        INSERT INTO audit_append VALUES (audit_now_ms(), 'unattributed', 'roster.changed', OLD.shift_id,
          json_object('change', 'removed', 'desk', OLD.desk, 'operator', OLD.operator, 'supervisor', OLD.supervisor));
      END;
      CREATE TRIGGER audit_handover_signed AFTER INSERT ON handovers
      BEGIN
        INSERT INTO audit_append VALUES (NEW.signed_at_ms, NEW.signed_by, 'handover.signed', NEW.shift_id,
          json_object('sha256', NEW.sha256, 'notesLength', length(NEW.notes)));
      END;
      CREATE TRIGGER audit_handover_received AFTER UPDATE OF received_by ON handovers
        WHEN OLD.received_by IS NULL AND NEW.received_by IS NOT NULL
      BEGIN
        INSERT INTO audit_append VALUES (NEW.received_at_ms, NEW.received_by, 'handover.received', NEW.shift_id,
          json_object('sha256', NEW.sha256));
      END;

      -- The first entry: an empty or truncated-to-nothing trail is visible as such.
      INSERT INTO audit_append VALUES (audit_now_ms(), 'system', 'audit.started', NULL,
        json_object('schemaVersion', 8));
    `,
  },
  {
    version: 9,
    description: 'accounts with roles, and the logon/logoff/lock log (both audited by trigger)',
    sql: `
      CREATE TABLE accounts (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'auditor', 'administrator')),
        -- scrypt: core/accounts/passwords.ts; never the password itself
        password_hash TEXT NOT NULL,
        locked_at_ms INTEGER,
        created_at_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        -- who made the last change and when: the audit triggers below read them
        changed_at_ms INTEGER NOT NULL,
        changed_by TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE session_log (
        seq INTEGER PRIMARY KEY,
        at_ms INTEGER NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE,
        kind TEXT NOT NULL,
        desk TEXT NOT NULL
      );
      CREATE INDEX session_log_by_name ON session_log (name, kind, at_ms);
      CREATE TRIGGER audit_session_log AFTER INSERT ON session_log
      BEGIN
        INSERT INTO audit_append VALUES (NEW.at_ms, NEW.name, 'session.' || NEW.kind, NEW.desk, '{}');
      END;
      CREATE TRIGGER audit_account_created AFTER INSERT ON accounts
      BEGIN
        INSERT INTO audit_append VALUES (NEW.created_at_ms, NEW.created_by, 'account.created', NEW.name,
          json_object('role', NEW.role));
      END;
      CREATE TRIGGER audit_account_role AFTER UPDATE OF role ON accounts WHEN OLD.role <> NEW.role
      BEGIN
        INSERT INTO audit_append VALUES (NEW.changed_at_ms, NEW.changed_by, 'account.role_changed', NEW.name,
          json_object('from', OLD.role, 'to', NEW.role));
      END;
      CREATE TRIGGER audit_account_lock AFTER UPDATE OF locked_at_ms ON accounts
        WHEN (OLD.locked_at_ms IS NULL) <> (NEW.locked_at_ms IS NULL)
      BEGIN
        INSERT INTO audit_append VALUES (NEW.changed_at_ms, NEW.changed_by,
          CASE WHEN NEW.locked_at_ms IS NULL THEN 'account.released' ELSE 'account.locked' END, NEW.name, '{}');
      END;
      CREATE TRIGGER audit_account_password AFTER UPDATE OF password_hash ON accounts
        WHEN OLD.password_hash <> NEW.password_hash
      BEGIN
        INSERT INTO audit_append VALUES (NEW.changed_at_ms, NEW.changed_by, 'account.password_changed', NEW.name, '{}');
      END;
    `,
  },
  {
    version: 10,
    description:
      'retention: an event detail may be reduced to its audited form and nothing else; closed flags still holding personal fields indexed by close time',
    sql: `
      DROP TRIGGER flag_events_no_update;
      CREATE TRIGGER flag_events_no_update BEFORE UPDATE ON flag_events
        WHEN NEW.seq IS NOT OLD.seq OR NEW.flag_id IS NOT OLD.flag_id OR NEW.at_ms IS NOT OLD.at_ms
          OR NEW.kind IS NOT OLD.kind OR NEW.actor IS NOT OLD.actor
          OR NEW.detail_json IS NOT audit_detail(OLD.detail_json)
        BEGIN SELECT RAISE(ABORT, 'flag_events is append-only'); END;
      -- Which closed flags still hold personal fields, by close time: the hourly purge reads only
      -- those that are due, never the whole history.
      ALTER TABLE flags ADD COLUMN personal_erased_at_ms INTEGER;
      CREATE INDEX flags_retention_due ON flags (closed_at_ms)
        WHERE state = 'closed' AND personal_erased_at_ms IS NULL;
    `,
  },
  {
    version: 11,
    description: "police units' control-room numbers, entered by an administrator on site (audited)",
    sql: `
      CREATE TABLE unit_contacts (
        unit_key TEXT PRIMARY KEY,
        contact TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        changed_at_ms INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TRIGGER audit_unit_contact_set AFTER INSERT ON unit_contacts
      BEGIN
        INSERT INTO audit_append VALUES (NEW.changed_at_ms, NEW.changed_by, 'unit.contact_set', NEW.unit_key,
          json_object('contact', NEW.contact));
      END;
      CREATE TRIGGER audit_unit_contact_changed AFTER UPDATE ON unit_contacts
      BEGIN
        INSERT INTO audit_append VALUES (NEW.changed_at_ms, NEW.changed_by, 'unit.contact_set', NEW.unit_key,
          json_object('contact', NEW.contact));
      END;
    `,
  },
  {
    version: 12,
    description:
      'supervisor reports: the flags of a range with every column a report reads; the alarm log by kind',
    // A report (report-queries.ts) reads a month of flags three times — counts, repeats, response
    // times. Covered by this one index it never reads the table's wider rows: over a million flags the
    // repeat and response passes take about half as long (tests/bench/report-bench.ts). No personal
    // field is in it (subject_key is a hash). The alarm log is read by kind:
    // by time alone the report would read every escalation and test alarm of the range too.
    sql: `
      CREATE INDEX flags_report ON flags (training, received_at_ms, risk, district_key, unit_key, platform, status, state,
        outcome, subject_key, acknowledged_by, acknowledged_at_ms, dispatched_at_ms, confirmed_at_ms, closed_at_ms);
      CREATE INDEX alarm_log_by_kind ON alarm_log (kind, at_ms);
    `,
  },
  {
    version: 13,
    description:
      "supervisor reports: each settled day's figures kept, dropped whenever one of its flags changes",
    // A 90-day report over a million flags read a quarter of a million rows into JS (2 s). A flag
    // whose close is recorded has figures that no longer change with the clock, so each IST day's
    // closed flags are summed once per shift (report-day-cache.ts) and kept here until a closed flag
    // received that day is added, changed in a column a report reads, or deleted, or a flag of that
    // day is closed. (SQL's integer division truncates where JS floors: the same day numbers from
    // 1970 on, and no flag is older — the console's clock stamps received_at_ms.) The
    // flags still open are read live, off an index of only them: a narrow one, since every new flag
    // is written to it (a covering one cost ingest about a fifth of its rate). The kept figures are the
    // report's own — counts, durations, operators' names, subject hashes; no personal field.
    // day: IST days since 1970-01-01 (19,800,000 ms is IST's +5:30). basis: the schedule, targets
    // and format the figures were made with; rows of another basis are rebuilt.
    sql: `
      CREATE TABLE report_days (
        day INTEGER NOT NULL,
        shift_key TEXT NOT NULL,
        basis TEXT NOT NULL,
        summary_json TEXT NOT NULL,
        subjects TEXT NOT NULL,
        subject_hashes BLOB NOT NULL,
        times BLOB NOT NULL,
        breaches BLOB NOT NULL,
        PRIMARY KEY (day, shift_key)
      );
      -- A kept day holds only closed flags: a flag open before and after a change (a new one, an
      -- acknowledgement, a revision of an open flag) leaves it as it is.
      CREATE TRIGGER report_days_flag_added AFTER INSERT ON flags WHEN NEW.closed_at_ms IS NOT NULL
      BEGIN
        DELETE FROM report_days WHERE day = CAST((NEW.received_at_ms + 19800000) / 86400000 AS INTEGER);
      END;
      CREATE TRIGGER report_days_flag_changed AFTER UPDATE OF training, received_at_ms, risk, district_key, unit_key,
        platform, status, state, outcome, subject_key, acknowledged_by, acknowledged_at_ms, dispatched_at_ms,
        confirmed_at_ms, closed_at_ms ON flags WHEN OLD.closed_at_ms IS NOT NULL OR NEW.closed_at_ms IS NOT NULL
      BEGIN
        DELETE FROM report_days WHERE day = CAST((OLD.received_at_ms + 19800000) / 86400000 AS INTEGER);
        DELETE FROM report_days WHERE day = CAST((NEW.received_at_ms + 19800000) / 86400000 AS INTEGER);
      END;
      CREATE TRIGGER report_days_flag_removed AFTER DELETE ON flags WHEN OLD.closed_at_ms IS NOT NULL
      BEGIN
        DELETE FROM report_days WHERE day = CAST((OLD.received_at_ms + 19800000) / 86400000 AS INTEGER);
      END;
      CREATE INDEX flags_unsettled ON flags (training, received_at_ms) WHERE closed_at_ms IS NULL;
    `,
  },
  {
    version: 14,
    description: 'supervisor reports: kept days in half the bytes, their breach lists apart',
    // A year's report read 78 MB of kept days per million flags, at about 180 MB/s through the
    // cipher; and a column behind the subject keys could only be reached through their pages. Now:
    // subject keys as 16 bytes each (one of another form goes in the summary), durations as 4-byte
    // integers where they fit, the keys last, and each part's breach list in a table of its own,
    // read only for the parts whose worst breach can still make the report's list. Kept days are a
    // cache: the old ones are dropped and made again by the warmer. The triggers of migration 13
    // delete from report_days; the breach lists go with their day by the foreign key.
    sql: `
      DROP TABLE report_days;
      CREATE TABLE report_days (
        day INTEGER NOT NULL,
        shift_key TEXT NOT NULL,
        basis TEXT NOT NULL,
        summary_json TEXT NOT NULL,
        times BLOB NOT NULL,
        subjects BLOB NOT NULL,
        PRIMARY KEY (day, shift_key)
      );
      CREATE TABLE report_day_breaches (
        day INTEGER NOT NULL,
        shift_key TEXT NOT NULL,
        breaches BLOB NOT NULL,
        PRIMARY KEY (day, shift_key),
        FOREIGN KEY (day, shift_key) REFERENCES report_days (day, shift_key) ON DELETE CASCADE
      );
    `,
  },
  {
    version: 15,
    description:
      'supervisor reports: subjects kept as numbers, each number held only while a flag has its key',
    // A year's kept days held a million subject keys of 16 bytes, and counting repeats meant hashing
    // all of them (about 100 ms of the year's report). A key now gets a number the first time a day
    // holding it is kept (report-day-cache.ts): a kept day holds 4 bytes a flag, and repeats are
    // counted by number in an array. The number lives exactly as long as some flag still has that
    // key: when retention erases a flag's key (or a flag goes) and no other flag has it, its row here
    // goes too, with the days that held it (migration 13's triggers). Numbers come from a counter that
    // only grows, so one is never given to another key. One b-tree by key (WITHOUT ROWID): a rowid
    // table with a unique key took twice the space, 63 MB for 700,000 keys. Kept days of the old form
    // are dropped and made again by the warmer.
    sql: `
      CREATE TABLE report_subjects (
        subject_key TEXT PRIMARY KEY,
        id INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE report_subject_next (id INTEGER NOT NULL);
      INSERT INTO report_subject_next (id) VALUES (1);
      CREATE TRIGGER report_subjects_key_changed AFTER UPDATE OF subject_key ON flags
        WHEN OLD.subject_key IS NOT NULL AND NEW.subject_key IS NOT OLD.subject_key
      BEGIN
        DELETE FROM report_subjects WHERE subject_key = OLD.subject_key
          AND NOT EXISTS (SELECT 1 FROM flags WHERE subject_key = OLD.subject_key);
      END;
      CREATE TRIGGER report_subjects_flag_removed AFTER DELETE ON flags WHEN OLD.subject_key IS NOT NULL
      BEGIN
        DELETE FROM report_subjects WHERE subject_key = OLD.subject_key
          AND NOT EXISTS (SELECT 1 FROM flags WHERE subject_key = OLD.subject_key);
      END;
      DELETE FROM report_day_breaches;
      DELETE FROM report_days;
    `,
  },
  {
    version: 16,
    description: 'accounts: a hash made again with stronger scrypt parameters is audited as what it is',
    // A successful logon stores the password again when its hash was made with older parameters
    // (core/accounts/passwords.ts). The password itself did not change, and nobody changed it: the
    // trail says account.password_rehashed by system, not account.password_changed.
    sql: `
      DROP TRIGGER audit_account_password;
      CREATE TRIGGER audit_account_password AFTER UPDATE OF password_hash ON accounts
        WHEN OLD.password_hash <> NEW.password_hash
      BEGIN
        INSERT INTO audit_append VALUES (NEW.changed_at_ms, NEW.changed_by,
          CASE WHEN NEW.changed_by = 'system' THEN 'account.password_rehashed' ELSE 'account.password_changed' END,
          NEW.name, '{}');
      END;
    `,
  },
  {
    version: 17,
    description: 'routing: the districts a flag may belong to, for the supervisor to choose from',
    // JSON [[district key, unit key, basis], …], most likely first; NULL when the route names one
    // district only. District keys and units, like district_key: no name from the location.
    sql: `ALTER TABLE flags ADD COLUMN route_candidates TEXT;`,
  },
  {
    version: 18,
    description: 'room: enrolled devices and their one-time enrolment codes, audited by trigger',
    // Only hashes are kept: a copied database gives neither a usable code nor a device credential.
    // A name is unique among devices not revoked, so a replaced wall can be enrolled under its name
    // again while the revoked one stays in the record.
    sql: `
      CREATE TABLE device_enrolments (
        code_hash TEXT PRIMARY KEY,
        device_name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('desk', 'wall')),
        created_by TEXT NOT NULL,
        created_at_ms INTEGER NOT NULL,
        expires_at_ms INTEGER NOT NULL,
        used_at_ms INTEGER,
        withdrawn_at_ms INTEGER
      ) WITHOUT ROWID;
      CREATE TABLE devices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('desk', 'wall')),
        credential_hash TEXT NOT NULL UNIQUE,
        enrolled_by TEXT NOT NULL,
        enrolled_at_ms INTEGER NOT NULL,
        revoked_at_ms INTEGER,
        revoked_by TEXT
      );
      CREATE UNIQUE INDEX devices_live_name ON devices (name) WHERE revoked_at_ms IS NULL;
      CREATE TRIGGER audit_device_enrolment_created AFTER INSERT ON device_enrolments
      BEGIN
        INSERT INTO audit_append VALUES (NEW.created_at_ms, NEW.created_by, 'device.enrolment_created',
          NEW.device_name, json_object('deviceKind', NEW.kind, 'expiresAtMs', NEW.expires_at_ms));
      END;
      CREATE TRIGGER audit_device_enrolled AFTER INSERT ON devices
      BEGIN
        INSERT INTO audit_append VALUES (NEW.enrolled_at_ms, NEW.enrolled_by, 'device.enrolled',
          NEW.name, json_object('deviceKind', NEW.kind, 'device', NEW.id));
      END;
      CREATE TRIGGER audit_device_revoked AFTER UPDATE OF revoked_at_ms ON devices
        WHEN OLD.revoked_at_ms IS NULL AND NEW.revoked_at_ms IS NOT NULL
      BEGIN
        INSERT INTO audit_append VALUES (NEW.revoked_at_ms, NEW.revoked_by, 'device.revoked',
          NEW.name, json_object('deviceKind', NEW.kind, 'device', NEW.id));
      END;
    `,
  },
  {
    version: 19,
    description: "room: each acting command's first answer, by the request id its client chose",
    // A desk that lost its link after the core acted, but before the answer arrived, sends the same
    // command again with the same id: the core answers from here and does not act twice. Kept 24 h
    // (core/room/idempotency.ts purges). Inside the encrypted database, like everything else; a
    // reveal's row never holds the personal fields it showed.
    sql: `
      CREATE TABLE request_results (
        request_id TEXT PRIMARY KEY,
        channel TEXT NOT NULL,
        actor TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        result_json TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX request_results_by_time ON request_results (at_ms);
    `,
  },
  {
    version: 20,
    description: 'police units as police headquarters defines them: the unit registry, one row a version',
    // Each save is a new version (the registry whole, as JSON): the past is kept, never changed, so
    // an old version can always be read again. Version 0, the shipped registry, is in code
    // (shared/routing/unit-registry.ts) and never stored. The trigger audits each save with its
    // changes (unit ids and what changed) and, for an import, the file's SHA-256.
    sql: `
      CREATE TABLE unit_registry_versions (
        version INTEGER PRIMARY KEY,
        registry_json TEXT NOT NULL,
        units INTEGER NOT NULL,
        changes_json TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        saved_at_ms INTEGER NOT NULL,
        source_sha256 TEXT
      );
      CREATE TRIGGER unit_registry_no_update BEFORE UPDATE ON unit_registry_versions
      BEGIN SELECT RAISE(ABORT, 'unit registry versions are never changed'); END;
      CREATE TRIGGER unit_registry_no_delete BEFORE DELETE ON unit_registry_versions
      BEGIN SELECT RAISE(ABORT, 'unit registry versions are never removed'); END;
      CREATE TRIGGER audit_unit_registry_saved AFTER INSERT ON unit_registry_versions
      BEGIN
        INSERT INTO audit_append VALUES (NEW.saved_at_ms, NEW.saved_by, 'unit.registry_saved',
          'v' || NEW.version, json_object('version', NEW.version, 'units', NEW.units,
          'change', json(NEW.changes_json), 'sha256', NEW.source_sha256));
      END;
      -- Reports count flags by the unit they were dispatched to (the routed one when none was): the
      -- covering index of migration 12 gains that column, so the report still never reads the table.
      DROP INDEX flags_report;
      CREATE INDEX flags_report ON flags (training, received_at_ms, risk, district_key, unit_key, dispatch_unit_key,
        platform, status, state, outcome, subject_key, acknowledged_by, acknowledged_at_ms, dispatched_at_ms,
        confirmed_at_ms, closed_at_ms);
    `,
  },
  {
    version: 21,
    description:
      'district control rooms: the unit role and its units; receipt, steps and hand-back of a dispatch',
    // Number 21 (20, 22 and 23 are other changes of the same release). SQLite cannot change a
    // CHECK, so accounts is made again with the unit role and its units (a JSON array of unit ids,
    // present exactly for the unit role), and its triggers with it; the audit of a new account and
    // of a role change now says the units too. A dispatch's unit side is in columns (times, codes
    // and the police's names, for the queue and the reports); what people typed (a hand-back's
    // reason, a step's note) is only in the flag events, which retention reduces like any other.
    sql: `
      CREATE TABLE accounts_v21 (
        name TEXT PRIMARY KEY COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'auditor', 'administrator', 'unit')),
        password_hash TEXT NOT NULL,
        locked_at_ms INTEGER,
        created_at_ms INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        changed_at_ms INTEGER NOT NULL,
        changed_by TEXT NOT NULL,
        units TEXT CHECK ((role = 'unit') = (units IS NOT NULL))
      ) WITHOUT ROWID;
      INSERT INTO accounts_v21 (name, role, password_hash, locked_at_ms, created_at_ms, created_by,
        changed_at_ms, changed_by, units)
        SELECT name, role, password_hash, locked_at_ms, created_at_ms, created_by, changed_at_ms, changed_by, NULL
        FROM accounts;
      DROP TABLE accounts;
      ALTER TABLE accounts_v21 RENAME TO accounts;
      CREATE TRIGGER audit_account_created AFTER INSERT ON accounts
      BEGIN
        INSERT INTO audit_append VALUES (NEW.created_at_ms, NEW.created_by, 'account.created', NEW.name,
          CASE WHEN NEW.units IS NULL THEN json_object('role', NEW.role)
               ELSE json_object('role', NEW.role, 'units', json(NEW.units)) END);
      END;
      CREATE TRIGGER audit_account_role AFTER UPDATE OF role, units ON accounts
        WHEN OLD.role <> NEW.role OR OLD.units IS NOT NEW.units
      BEGIN
        INSERT INTO audit_append VALUES (NEW.changed_at_ms, NEW.changed_by, 'account.role_changed', NEW.name,
          json_object('from', OLD.role, 'to', NEW.role, 'fromUnits', json(OLD.units), 'toUnits', json(NEW.units)));
      END;
      CREATE TRIGGER audit_account_lock AFTER UPDATE OF locked_at_ms ON accounts
        WHEN (OLD.locked_at_ms IS NULL) <> (NEW.locked_at_ms IS NULL)
      BEGIN
        INSERT INTO audit_append VALUES (NEW.changed_at_ms, NEW.changed_by,
          CASE WHEN NEW.locked_at_ms IS NULL THEN 'account.released' ELSE 'account.locked' END, NEW.name, '{}');
      END;
      CREATE TRIGGER audit_account_password AFTER UPDATE OF password_hash ON accounts
        WHEN OLD.password_hash <> NEW.password_hash
      BEGIN
        INSERT INTO audit_append VALUES (NEW.changed_at_ms, NEW.changed_by,
          CASE WHEN NEW.changed_by = 'system' THEN 'account.password_rehashed' ELSE 'account.password_changed' END,
          NEW.name, '{}');
      END;

      ALTER TABLE dispatches ADD COLUMN received_via TEXT CHECK (received_via IN ('console', 'telephone'));
      ALTER TABLE dispatches ADD COLUMN officers TEXT;
      ALTER TABLE dispatches ADD COLUMN officers_sent_at_ms INTEGER;
      ALTER TABLE dispatches ADD COLUMN contact_at_ms INTEGER;
      ALTER TABLE dispatches ADD COLUMN unit_outcome TEXT;
      ALTER TABLE dispatches ADD COLUMN unit_outcome_at_ms INTEGER;
      ALTER TABLE dispatches ADD COLUMN handed_back_by TEXT;
      ALTER TABLE dispatches ADD COLUMN handed_back_at_ms INTEGER;
      UPDATE dispatches SET received_via = 'telephone' WHERE confirmed_at_ms IS NOT NULL;
      CREATE INDEX dispatches_by_time ON dispatches (dispatched_at_ms);

      -- The current dispatch's unit side and a pending hand-back, on the flag, for the queue.
      ALTER TABLE flags ADD COLUMN received_by TEXT;
      ALTER TABLE flags ADD COLUMN received_via TEXT;
      ALTER TABLE flags ADD COLUMN officers_sent_at_ms INTEGER;
      ALTER TABLE flags ADD COLUMN contact_at_ms INTEGER;
      ALTER TABLE flags ADD COLUMN unit_outcome TEXT;
      ALTER TABLE flags ADD COLUMN unit_outcome_at_ms INTEGER;
      ALTER TABLE flags ADD COLUMN handed_back_unit_key TEXT;
      ALTER TABLE flags ADD COLUMN handed_back_by TEXT;
      ALTER TABLE flags ADD COLUMN handed_back_at_ms INTEGER;
      UPDATE flags SET received_via = 'telephone',
        received_by = (SELECT confirmed_by FROM dispatches d WHERE d.flag_id = flags.id ORDER BY d.seq DESC LIMIT 1)
        WHERE confirmed_at_ms IS NOT NULL;
    `,
  },
  {
    // 23, not 20: the other multi-seat changes of the same round take 20–22.
    version: 23,
    description: 'room: resume tokens, so a desk keeps its logon across a lost link or a core restart',
    // Only the token's SHA-256: the table alone lets nobody resume. A token is bound to the device
    // it was issued to and dies a short window after the core last knew its session alive
    // (shared/room/resume.ts); the state kept is what the idle lock needs to apply after a restart.
    sql: `
      CREATE TABLE resume_tokens (
        token_hash TEXT PRIMARY KEY,
        binding TEXT NOT NULL,
        account TEXT NOT NULL COLLATE NOCASE,
        locked INTEGER NOT NULL CHECK (locked IN (0, 1)),
        last_activity_ms INTEGER NOT NULL,
        last_seen_ms INTEGER NOT NULL,
        issued_at_ms INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX resume_tokens_by_seen ON resume_tokens (last_seen_ms);
    `,
  },
  {
    version: 24,
    description: 'room: a district control room desk bound to its units at enrolment',
    // A JSON array of unit ids on the code and then on the device, NULL for a room device (every
    // device enrolled before). Ids only, like an account's units. Desks only: a wall shows the
    // room's queue. The audit of the code and of the enrolment now says the units too.
    sql: `
      ALTER TABLE device_enrolments ADD COLUMN units TEXT CHECK (units IS NULL OR kind = 'desk');
      ALTER TABLE devices ADD COLUMN units TEXT CHECK (units IS NULL OR kind = 'desk');
      DROP TRIGGER audit_device_enrolment_created;
      DROP TRIGGER audit_device_enrolled;
      CREATE TRIGGER audit_device_enrolment_created AFTER INSERT ON device_enrolments
      BEGIN
        INSERT INTO audit_append VALUES (NEW.created_at_ms, NEW.created_by, 'device.enrolment_created',
          NEW.device_name,
          CASE WHEN NEW.units IS NULL THEN json_object('deviceKind', NEW.kind, 'expiresAtMs', NEW.expires_at_ms)
               ELSE json_object('deviceKind', NEW.kind, 'expiresAtMs', NEW.expires_at_ms, 'units', json(NEW.units)) END);
      END;
      CREATE TRIGGER audit_device_enrolled AFTER INSERT ON devices
      BEGIN
        INSERT INTO audit_append VALUES (NEW.enrolled_at_ms, NEW.enrolled_by, 'device.enrolled',
          NEW.name,
          CASE WHEN NEW.units IS NULL THEN json_object('deviceKind', NEW.kind, 'device', NEW.id)
               ELSE json_object('deviceKind', NEW.kind, 'device', NEW.id, 'units', json(NEW.units)) END);
      END;
    `,
  },
  {
    version: 25,
    description:
      'room: holds and the alarm silence in the store, shared by every core and kept across a restart',
    // A hold names its core (an instance id) and the connection there; the core refreshes seen_ms
    // while the desk is connected (shared/room/stored-holds.ts). What is recorded of a takeover or a
    // return to the room is in flag_events, as before; a silence's start and end in alarm_log.
    sql: `
      CREATE TABLE room_holds (
        flag_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        desk TEXT NOT NULL,
        core TEXT NOT NULL,
        connection TEXT NOT NULL,
        since_ms INTEGER NOT NULL,
        seen_ms INTEGER NOT NULL,
        release_at_ms INTEGER,
        taken_from TEXT
      ) WITHOUT ROWID;
      CREATE INDEX room_holds_by_owner ON room_holds (core, connection);
      CREATE TABLE alarm_silence (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        silenced_by TEXT NOT NULL,
        reason TEXT NOT NULL,
        until_ms INTEGER NOT NULL
      );
    `,
  },
  {
    version: 26,
    description: 'the audit trail is fed by the store in TypeScript, as on PostgreSQL: no feeding triggers',
    // Issue #19: which change is audited, and as what, is one table in TypeScript both engines use
    // (core/store/audit-entries.ts); each write appends its entry through audit_append in its own
    // transaction, so a feeding trigger left here would write every entry twice. The entries already
    // in the trail are untouched, and the same actions write the same entries as these triggers did.
    // Kept: the append-only guards and audit_append's chaining trigger (verify checks them).
    // IF EXISTS: a trigger already dropped (tampering) is verify's to report, not a reason to stop.
    sql: `
      DROP TRIGGER IF EXISTS audit_flag_events;
      DROP TRIGGER IF EXISTS audit_alarm_log;
      DROP TRIGGER IF EXISTS audit_roster_insert;
      DROP TRIGGER IF EXISTS audit_roster_update;
      DROP TRIGGER IF EXISTS audit_roster_delete;
      DROP TRIGGER IF EXISTS audit_handover_signed;
      DROP TRIGGER IF EXISTS audit_handover_received;
      DROP TRIGGER IF EXISTS audit_session_log;
      DROP TRIGGER IF EXISTS audit_account_created;
      DROP TRIGGER IF EXISTS audit_account_role;
      DROP TRIGGER IF EXISTS audit_account_lock;
      DROP TRIGGER IF EXISTS audit_account_password;
      DROP TRIGGER IF EXISTS audit_unit_contact_set;
      DROP TRIGGER IF EXISTS audit_unit_contact_changed;
      DROP TRIGGER IF EXISTS audit_unit_registry_saved;
      DROP TRIGGER IF EXISTS audit_device_enrolment_created;
      DROP TRIGGER IF EXISTS audit_device_enrolled;
      DROP TRIGGER IF EXISTS audit_device_revoked;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
