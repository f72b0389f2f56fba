// The SQLite implementation of the store. Synchronous inside (better-sqlite3), exposed through the
// async Store interface: in the Electron shell it runs in a worker thread (worker-entry.ts).
import { compareQueueItems } from '../../../../../shared/queue-order';
import { revisionRaisesRisk } from '../../../../../shared/acknowledgement';
import crypto from 'node:crypto';
import { coded, ContractError } from '../../../../../shared/errors';
import {
  type AlarmKpis,
  type FlagDetail,
  type FlagEvent,
  type FlagState,
  type QuarantinedRecord,
  type QueueItem,
} from '../../../../../shared/domain';
import type { RoutableLocation, Route } from '../../../../../shared/routing/route';
import { caseNoOf } from '../../../../../shared/case-number';
import { QUEUE_COLUMNS, relatedFlagOf, toQueueItem, type FlagRow, type RelatedFlagRow } from '../flag-row';
import { platformColumns, routeColumns } from '../platform-columns';
import { subjectKey } from '../subject-key';
import { flagEventAudit, rosterAudit } from '../audit-entries';
import { appendAudit } from './audit-queries';
import { openEncryptedDatabase, type OpenOptions, type SqliteDatabase } from './open-database';
import { alarmKpis, appendAlarmLog, arrivalStats } from './alarm-queries';
import { getHandover, handoverSummary, receiveHandover, signHandover } from './handover-queries';
import type { HandoverRecord, HandoverSummary } from '../../../../../shared/handover';
import type { RosterEntry, ShiftInstance } from '../../../../../shared/shifts/schedule';
import type { TimerTargets } from '../../../../../shared/timers';
import type {
  AlarmLogEntry,
  ArrivalStats,
  CommitPageInput,
  CommitPageResult,
  StoreChanges,
  StoreEngineInfo,
  StoreStatus,
  ValidFlagInput,
} from '../store';

const QUARANTINE_RAW_MAX_CHARS = 64 * 1024;

/**
 * The open queue in two halves, each pinned to its partial index: open flags, and closed ones with
 * a check-in due. Without the pins the planner takes the training index and reads the whole history
 * (470 ms over 300,000 flags instead of a few); `+training` keeps it off that index. Plan tested.
 */
export const OPEN_QUEUE_SQL = `SELECT ${QUEUE_COLUMNS} FROM flags INDEXED BY flags_open_queue
   WHERE state <> 'closed' AND +training = ?
   UNION ALL
   SELECT ${QUEUE_COLUMNS} FROM flags INDEXED BY flags_follow_up_due
   WHERE follow_up_sequence IS NOT NULL AND state = 'closed' AND +training = ?`;

/**
 * The flags with an event after a sequence number: what the desks' queues take every 2 s. The few
 * new events come first (a range of flag_events' rowid), then each flag by its id. CROSS JOIN
 * fixes that order and `+flag_id` keeps the grouping off flag_events_by_flag: left to itself the
 * planner walked every stored flag and probed the events for each (1.1–1.6 s over a million).
 * Plan tested.
 */
export const CHANGED_SINCE_SQL = `SELECT ${QUEUE_COLUMNS}, c.received
   FROM (SELECT flag_id, max(kind = 'received') AS received FROM flag_events WHERE seq > ? AND seq <= ? GROUP BY +flag_id) c
   CROSS JOIN flags ON flags.id = c.flag_id
   WHERE flags.training = ?`;

export class SqliteStore {
  private readonly statements;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      flagById: db.prepare<[string], FlagRow & { revision: number }>(
        `SELECT ${QUEUE_COLUMNS} FROM flags WHERE id = ?`,
      ),
      revisionSeen: db.prepare<[string, number], { one: number }>(
        'SELECT 1 AS one FROM flag_revisions WHERE flag_id = ? AND revision = ?',
      ),
      insertRevision: db.prepare(
        'INSERT INTO flag_revisions (flag_id, revision, received_at_ms, applied) VALUES (?, ?, ?, ?)',
      ),
      insertFlag: db.prepare(`INSERT INTO flags (id, revision, status, flagged_at, flagged_at_ms, platform,
          category, risk, risk_rank, district_key, route_outcome, unit_key, route_basis, route_confidence,
          route_candidates, subject_key, training, source, received_at_ms, updated_at_ms)
        VALUES (@id, @revision, @status, @flagged_at, @flagged_at_ms, @platform, @category, @risk, @risk_rank,
          @district_key, @route_outcome, @unit_key, @route_basis, @route_confidence,
          @route_candidates, @subject_key, @training, @source, @received_at_ms, @received_at_ms)`),
      upsertPersonal:
        db.prepare(`INSERT INTO flag_personal (flag_id, subject_json, content_json, location_json,
          institution, raw_json) VALUES (@id, @subject_json, @content_json, @location_json, @institution, @raw_json)
        ON CONFLICT (flag_id) DO UPDATE SET subject_json = excluded.subject_json, content_json = excluded.content_json,
          location_json = excluded.location_json, institution = excluded.institution, raw_json = excluded.raw_json`),
      // Operator-owned columns (state, acknowledged_*) are deliberately absent.
      // A revision brings personal fields back: retention erases them again when due.
      updatePlatformFields: db.prepare(`UPDATE flags SET revision = @revision, status = @status,
          personal_erased_at_ms = NULL,
          flagged_at = @flagged_at, flagged_at_ms = @flagged_at_ms, platform = @platform, category = @category,
          risk = @risk, risk_rank = @risk_rank, district_key = @district_key, route_outcome = @route_outcome,
          unit_key = @unit_key, route_basis = @route_basis, route_confidence = @route_confidence,
          route_candidates = @route_candidates, subject_key = @subject_key,
          updated_at_ms = @received_at_ms,
          risk_raised_at_ms = @risk_raised_at_ms
        WHERE id = @id`),
      acknowledgeRaise: db.prepare(`UPDATE flags SET raise_acknowledged_at_ms = ?
        WHERE id = ? AND risk_raised_at_ms IS NOT NULL
          AND (raise_acknowledged_at_ms IS NULL OR raise_acknowledged_at_ms < risk_raised_at_ms)`),
      insertEvent: db.prepare(
        'INSERT INTO flag_events (flag_id, at_ms, kind, actor, detail_json) VALUES (?, ?, ?, ?, ?)',
      ),
      insertQuarantine:
        db.prepare(`INSERT OR IGNORE INTO quarantine (received_at_ms, source, field, rule, raw_sha256, raw_text, id_hint)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      upsertCursor: db.prepare(`INSERT INTO feed_cursors (feed_key, cursor, committed_at_ms) VALUES (?, ?, ?)
        ON CONFLICT (feed_key) DO UPDATE SET cursor = excluded.cursor, committed_at_ms = excluded.committed_at_ms`),
      cursor: db.prepare<[string], { cursor: string | null }>(
        'SELECT cursor FROM feed_cursors WHERE feed_key = ?',
      ),
      openQueue: db.prepare<[number, number], FlagRow>(OPEN_QUEUE_SQL),
      changedSince: db.prepare<[number, number, number], FlagRow & { received: number }>(CHANGED_SINCE_SQL),
      lastEventSeq: db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM flag_events'),
      detail: db.prepare<[string], FlagRow>(`SELECT ${QUEUE_COLUMNS} FROM flags WHERE id = ?`),
      related: db.prepare<[string, string], RelatedFlagRow>(
        `SELECT seq, id, risk, state, flagged_at_ms, outcome FROM flags
         WHERE subject_key = (SELECT subject_key FROM flags WHERE id = ?) AND id <> ?
         ORDER BY flagged_at_ms DESC LIMIT 50`,
      ),
      eventsOf: db.prepare<
        [string],
        { seq: number; at_ms: number; kind: string; actor: string | null; detail_json: string }
      >('SELECT seq, at_ms, kind, actor, detail_json FROM flag_events WHERE flag_id = ? ORDER BY seq'),
      acknowledge:
        db.prepare(`UPDATE flags SET state = 'acknowledged', acknowledged_by = ?, acknowledged_at_ms = ?
        WHERE id = ? AND state = 'new'`),
    };
    this.runPendingBackfills();
  }

  private runPendingBackfills(): void {
    const pending = this.db.prepare<[], { name: string }>('SELECT name FROM pending_backfills').all();
    const work: Record<string, () => void> = {
      subject_keys: () => this.keyUnkeyedSubjects(),
    };
    for (const { name } of pending) {
      // The store does not route: with unrouted flags, 'routes' stays pending until the core has
      // routed what listUnroutedFlags() returns and handed the result to setFlagRoutes().
      if (
        name === 'routes' &&
        this.db.prepare('SELECT 1 FROM flags WHERE route_outcome IS NULL LIMIT 1').get()
      )
        continue;
      this.db.transaction(() => {
        work[name]?.();
        this.db.prepare('DELETE FROM pending_backfills WHERE name = ?').run(name);
      })();
    }
  }

  /** Flags stored before repeat-linking existed (schema < 6) get their subject key, once. */
  private keyUnkeyedSubjects(): void {
    const rows = this.db
      .prepare<[], { id: string; platform: string | null; subject_json: string }>(
        `SELECT f.id, f.platform, p.subject_json FROM flags f JOIN flag_personal p ON p.flag_id = f.id
         WHERE f.subject_key IS NULL`,
      )
      .all();
    if (rows.length === 0) return;
    const update = this.db.prepare('UPDATE flags SET subject_key = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const row of rows) {
        const subject = JSON.parse(row.subject_json) as { account_id?: unknown };
        update.run(subjectKey(row.platform, subject.account_id), row.id);
      }
    })();
  }

  /**
   * Flags stored before routing existed (schema < 4), with their location, while their routing is
   * pending (after migration 6); empty otherwise, so a normal open costs one lookup.
   */
  listUnroutedFlags(): { id: string; location: RoutableLocation | null }[] {
    const pending = this.db.prepare("SELECT 1 FROM pending_backfills WHERE name = 'routes'").get();
    if (pending === undefined) return [];
    return this.db
      .prepare<[], { id: string; location_json: string | null }>(
        `SELECT f.id, p.location_json FROM flags f LEFT JOIN flag_personal p ON p.flag_id = f.id
         WHERE f.route_outcome IS NULL`,
      )
      .all()
      .map((row) => ({
        id: row.id,
        location: row.location_json === null ? null : (JSON.parse(row.location_json) as RoutableLocation),
      }));
  }

  /** Stores the routes the core decided for listUnroutedFlags(), and ends that backfill: one transaction. */
  setFlagRoutes(routes: { id: string; route: Route }[]): void {
    const update = this.db
      .prepare(`UPDATE flags SET district_key = @district_key, route_outcome = @route_outcome,
      unit_key = @unit_key, route_basis = @route_basis, route_confidence = @route_confidence,
      route_candidates = @route_candidates WHERE id = @id`);
    this.db.transaction(() => {
      for (const { id, route } of routes) update.run({ id, ...routeColumns(route) });
      this.db.prepare("DELETE FROM pending_backfills WHERE name = 'routes'").run();
    })();
  }

  static open(file: string, key: Buffer, options: OpenOptions): SqliteStore {
    return new SqliteStore(openEncryptedDatabase(file, key, options));
  }

  /** One page, its quarantined records and its cursor: one transaction, all or nothing. */
  commitPage(input: CommitPageInput): CommitPageResult {
    const run = this.db.transaction((): CommitPageResult => {
      const result: CommitPageResult = {
        inserted: 0,
        revised: 0,
        duplicates: 0,
        stale: 0,
        quarantined: 0,
        changed: [],
        insertedIds: [],
      };
      const changedIds = new Set<string>();
      for (const record of input.flags) {
        const outcome = this.ingestOne(record, input);
        result[outcome]++;
        if (outcome === 'inserted') result.insertedIds.push(record.flag.id);
        if (outcome === 'inserted' || outcome === 'revised') changedIds.add(record.flag.id);
      }
      for (const q of input.quarantined) {
        const rawText =
          q.rawText.length > QUARANTINE_RAW_MAX_CHARS
            ? q.rawText.slice(0, QUARANTINE_RAW_MAX_CHARS)
            : q.rawText;
        const sha = crypto.createHash('sha256').update(q.rawText).digest('hex');
        // A bad record seen before (redelivered, imported again) counts as already stored.
        const added = this.statements.insertQuarantine.run(
          input.receivedAtMs,
          input.source,
          q.field,
          q.rule,
          sha,
          rawText,
          q.idHint,
        ).changes;
        if (added) result.quarantined++;
        else result.duplicates++;
      }
      if (input.nextCursor !== null) {
        this.statements.upsertCursor.run(input.feedKey, input.nextCursor, input.receivedAtMs);
      }
      for (const id of changedIds) result.changed.push(toQueueItem(this.statements.flagById.get(id)!));
      return result;
    });
    return run.immediate();
  }

  private ingestOne(
    record: ValidFlagInput,
    input: CommitPageInput,
  ): 'inserted' | 'revised' | 'duplicates' | 'stale' {
    const { flag } = record;
    const s = this.statements;
    // One lookup decides most cases: a revision history exists only beside a stored flag, and the
    // current revision is the commonest redelivery.
    const existing = s.flagById.get(flag.id);
    if (existing && (existing.revision === flag.revision || s.revisionSeen.get(flag.id, flag.revision))) {
      return 'duplicates';
    }
    const columns = {
      id: flag.id,
      ...platformColumns(flag, record.rawJson, record.route),
      received_at_ms: input.receivedAtMs,
    };
    const event = (kind: string, detail: Record<string, unknown>) => {
      const detailJson = JSON.stringify(detail);
      s.insertEvent.run(flag.id, input.receivedAtMs, kind, input.actor ?? null, detailJson);
      // The feed's own kinds are not audited: null, nothing appended.
      appendAudit(
        this.db,
        flagEventAudit(flag.id, input.receivedAtMs, kind, input.actor ?? null, detailJson),
      );
    };

    if (!existing) {
      s.insertRevision.run(flag.id, flag.revision, input.receivedAtMs, 1);
      s.insertFlag.run({ ...columns, training: input.training ? 1 : 0, source: input.source });
      s.upsertPersonal.run(columns);
      event('received', { revision: flag.revision, risk: flag.risk, status: flag.status });
      return 'inserted';
    }
    if (flag.revision < existing.revision) {
      s.insertRevision.run(flag.id, flag.revision, input.receivedAtMs, 0);
      return 'stale';
    }
    s.insertRevision.run(flag.id, flag.revision, input.receivedAtMs, 1);
    // The rule is shared/acknowledgement.ts's; the row read above is this transaction's, so current.
    const raised = revisionRaisesRisk(existing, flag.risk);
    s.updatePlatformFields.run({
      ...columns,
      risk_raised_at_ms: raised ? input.receivedAtMs : existing.risk_raised_at_ms,
    });
    s.upsertPersonal.run(columns);
    event('revised', { from: existing.revision, to: flag.revision, risk: flag.risk, status: flag.status });
    if (existing.status !== 'withdrawn' && flag.status === 'withdrawn')
      event('withdrawn', { revision: flag.revision });
    return 'revised';
  }

  getCursor(feedKey: string): string | null {
    return this.statements.cursor.get(feedKey)?.cursor ?? null;
  }

  listOpenQueue(training: boolean): QueueItem[] {
    const flag = training ? 1 : 0;
    return this.statements.openQueue.all(flag, flag).map(toQueueItem).sort(compareQueueItems);
  }

  /**
   * The change feed (contract in store.ts). SQLite has one writer at a time, and an event's seq is
   * taken inside the write transaction that holds that lock, so seq order is commit order. What
   * makes it exact is reading in ONE snapshot, the horizon first and the changes up to it: read
   * separately, another connection (an import, a second process) could commit between the two
   * reads, and its events would lie at or below the returned horizon without having been reported,
   * skipped for good. tests/integration/change-feed.test.ts holds both cases.
   */
  changesSince(eventSeq: number, training: boolean): StoreChanges {
    return this.db.transaction((): StoreChanges => {
      const horizon = this.statements.lastEventSeq.get()?.seq ?? 0;
      const rows =
        eventSeq < 0 || horizon <= eventSeq
          ? []
          : this.statements.changedSince.all(eventSeq, horizon, training ? 1 : 0);
      return {
        items: rows.map(toQueueItem),
        insertedIds: rows.filter((r) => r.received === 1).map((r) => r.id),
        lastEventSeq: horizon,
      };
    })();
  }

  getFlagDetail(id: string): FlagDetail | null {
    const row = this.statements.detail.get(id);
    if (!row) return null;
    const events: FlagEvent[] = this.statements.eventsOf.all(id).map((e) => ({
      seq: e.seq,
      atMs: e.at_ms,
      kind: e.kind,
      actor: e.actor,
      detail: JSON.parse(e.detail_json) as Record<string, unknown>,
    }));
    return {
      ...toQueueItem(row),
      events,
      related: this.statements.related.all(id, id).map(relatedFlagOf),
    };
  }

  acknowledge(id: string, operator: string, atMs: number): QueueItem {
    return this.db
      .transaction(() => {
        const changes = this.statements.acknowledge.run(operator, atMs, id).changes;
        if (changes === 0 && this.statements.acknowledgeRaise.run(atMs, id).changes === 1) {
          const raised = this.statements.flagById.get(id)!;
          const detailJson = JSON.stringify({ risk: raised.risk });
          this.statements.insertEvent.run(id, atMs, 'risk_raise_acknowledged', operator, detailJson);
          appendAudit(this.db, flagEventAudit(id, atMs, 'risk_raise_acknowledged', operator, detailJson));
          return toQueueItem(raised);
        }
        const row = this.statements.flagById.get(id);
        if (!row) throw new ContractError('not_found', coded('flag.not_found', { id }), 'id');
        if (changes === 0) {
          const taken = row.acknowledged_by
            ? coded('flag.taken_by', { caseNo: caseNoOf(row.seq), state: row.state, by: row.acknowledged_by })
            : coded('flag.taken', { caseNo: caseNoOf(row.seq), state: row.state });
          throw new ContractError('conflict', taken, 'id');
        }
        const detailJson = JSON.stringify({ from: 'new', to: 'acknowledged' });
        this.statements.insertEvent.run(id, atMs, 'acknowledged', operator, detailJson);
        appendAudit(this.db, flagEventAudit(id, atMs, 'acknowledged', operator, detailJson));
        return toQueueItem(row);
      })
      .immediate();
  }

  status(): StoreStatus {
    const flagsByState: Record<FlagState, number> = { new: 0, acknowledged: 0, dispatched: 0, closed: 0 };
    for (const r of this.db
      .prepare<[], { state: FlagState; n: number }>('SELECT state, count(*) AS n FROM flags GROUP BY state')
      .all()) {
      flagsByState[r.state] = r.n;
    }
    const count = (sql: string) => this.db.prepare<[], { n: number }>(sql).get()?.n ?? 0;
    return {
      ...this.engineInfo(),
      flagsByState,
      withdrawn: count(`SELECT count(*) AS n FROM flags WHERE status = 'withdrawn'`),
      quarantined: count('SELECT count(*) AS n FROM quarantine'),
      cursors: this.db
        .prepare<[], { feed_key: string; cursor: string | null; committed_at_ms: number }>(
          'SELECT * FROM feed_cursors',
        )
        .all()
        .map((c) => ({ feedKey: c.feed_key, cursor: c.cursor, committedAtMs: c.committed_at_ms })),
    };
  }

  engineInfo(): StoreEngineInfo {
    return { engine: 'sqlite', version: String(this.db.pragma('user_version', { simple: true })) };
  }

  listQuarantine(limit: number): QuarantinedRecord[] {
    return this.db
      .prepare<[number], QuarantinedRecord>(
        `SELECT seq, received_at_ms AS receivedAtMs, source, field, rule, id_hint AS idHint, raw_sha256 AS rawSha256
         FROM quarantine ORDER BY seq DESC LIMIT ?`,
      )
      .all(limit);
  }

  countQuarantined(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM quarantine').get()!.n;
  }

  appendAlarmLog(entries: AlarmLogEntry[]): void {
    appendAlarmLog(this.db, entries);
  }

  arrivalStats(sinceMs: number, training: boolean): ArrivalStats {
    return arrivalStats(this.db, sinceMs, training);
  }

  alarmKpis(fromMs: number, toMs: number, training: boolean): AlarmKpis {
    return alarmKpis(this.db, fromMs, toMs, training);
  }

  handoverSummary(
    shift: ShiftInstance,
    nowMs: number,
    training: boolean,
    targets?: TimerTargets,
  ): HandoverSummary {
    return handoverSummary(this.db, shift, nowMs, training, targets);
  }

  getRoster(shiftId: string): RosterEntry[] {
    return this.db
      .prepare<[string], { desk: string; operator: string; supervisor: number }>(
        'SELECT desk, operator, supervisor FROM roster WHERE shift_id = ? ORDER BY supervisor DESC, desk',
      )
      .all(shiftId)
      .map((r) => ({ desk: r.desk, operator: r.operator, supervisor: r.supervisor === 1 }));
  }

  setRoster(shiftId: string, entries: RosterEntry[]): void {
    const insert = this.db.prepare(
      'INSERT INTO roster (shift_id, desk, operator, supervisor) VALUES (?, ?, ?, ?)',
    );
    const now = Date.now();
    this.db.transaction(() => {
      const removed = this.db
        .prepare<[string], { desk: string; operator: string; supervisor: number }>(
          'DELETE FROM roster WHERE shift_id = ? RETURNING desk, operator, supervisor',
        )
        .all(shiftId);
      for (const r of removed) appendAudit(this.db, rosterAudit(shiftId, 'removed', r, now));
      for (const e of entries) {
        insert.run(shiftId, e.desk, e.operator, e.supervisor ? 1 : 0);
        appendAudit(this.db, rosterAudit(shiftId, 'assigned', e, now));
      }
    })();
  }

  getHandover(shiftId: string): HandoverRecord | null {
    return getHandover(this.db, shiftId);
  }

  signHandover(summary: HandoverSummary, notes: string, by: string, atMs: number): HandoverRecord {
    return signHandover(this.db, summary, notes, by, atMs);
  }

  receiveHandover(shiftId: string, by: string, atMs: number): HandoverRecord {
    return receiveHandover(this.db, shiftId, by, atMs);
  }

  /** For tests and the query-plan check. */
  get database(): SqliteDatabase {
    return this.db;
  }

  close(): void {
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }
}

export { inProcessStore } from './sqlite-methods';
