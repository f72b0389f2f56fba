// The shift-handover summary, computed in the store over indexed columns, and the signed records.
import crypto from 'node:crypto';
import { coded, ContractError } from '../../../../../shared/errors';
import { RISKS, type Risk } from '../../../../../shared/domain';
import {
  rankBreaches,
  receiveRefusal,
  type HandoverRecord,
  type HandoverSummary,
} from '../../../../../shared/handover';
import type { ShiftInstance } from '../../../../../shared/shifts/schedule';
import type { TimerTargets } from '../../../../../shared/timers';
import {
  breachCandidateOf,
  carriedOverOf,
  HANDOVER_FLAG_COLUMNS,
  outagesAndSilences,
  type HandoverFlagRow,
} from '../handover-rows';
import type { SqliteDatabase } from './open-database';
import { handoverReceivedAudit, handoverSignedAudit } from '../audit-entries';
import { appendAudit } from './audit-queries';

/**
 * Open at a moment, received before it. The unary plus keeps SQLite on the small open-flags index:
 * by received time it would walk the whole history (tests/integration/handover.test.ts checks the plan).
 */
export const OPEN_AT_SQL = `SELECT ${HANDOVER_FLAG_COLUMNS}
       FROM flags WHERE state <> 'closed' AND +training = ? AND +received_at_ms < ? ORDER BY risk_rank, flagged_at_ms`;

export function handoverSummary(
  db: SqliteDatabase,
  shift: ShiftInstance,
  nowMs: number,
  training: boolean,
  targets: TimerTargets | undefined,
): HandoverSummary {
  const t = training ? 1 : 0;
  const range = [shift.startMs, shift.endMs] as const;
  const count = (sql: string, ...args: (number | string)[]) =>
    db.prepare<unknown[], { n: number }>(sql).get(...args)!.n;

  const byRiskRows = db
    .prepare<[number, number, number], { risk: Risk; n: number }>(
      'SELECT risk, count(*) AS n FROM flags WHERE training = ? AND received_at_ms >= ? AND received_at_ms < ? GROUP BY risk',
    )
    .all(t, ...range);
  const byRisk = Object.fromEntries(
    RISKS.map((r) => [r, byRiskRows.find((x) => x.risk === r)?.n ?? 0]),
  ) as Record<Risk, number>;
  const byDistrict = db
    .prepare<[number, number, number], { districtKey: string | null; count: number }>(
      `SELECT district_key AS districtKey, count(*) AS count FROM flags
       WHERE training = ? AND received_at_ms >= ? AND received_at_ms < ? GROUP BY district_key ORDER BY count DESC, districtKey IS NULL, districtKey`,
    )
    .all(t, ...range);
  const eventCount = (kind: string) =>
    count(
      `SELECT count(DISTINCT e.flag_id) AS n FROM flag_events e JOIN flags f ON f.id = e.flag_id
       WHERE e.kind = ? AND e.at_ms >= ? AND e.at_ms < ? AND f.training = ?`,
      kind,
      ...range,
      t,
    );
  const outcomes = db
    .prepare<[number, number, number], { outcome: string; n: number }>(
      `SELECT coalesce(json_extract(e.detail_json, '$.outcome'), 'unspecified') AS outcome, count(*) AS n
       FROM flag_events e JOIN flags f ON f.id = e.flag_id
       WHERE e.kind = 'closed' AND e.at_ms >= ? AND e.at_ms < ? AND f.training = ?
         AND NOT EXISTS (SELECT 1 FROM flag_events u WHERE u.flag_id = e.flag_id AND u.kind = 'close_undone' AND u.seq > e.seq)
       GROUP BY outcome`,
    )
    .all(...range, t);

  // Open at the end of the shift (or now, while it runs), received before that.
  const asOf = Math.min(nowMs, shift.endMs);
  const open = db.prepare<[number, number], HandoverFlagRow>(OPEN_AT_SQL).all(t, asOf);
  const inShift = db
    .prepare<[number, number, number], HandoverFlagRow>(
      `SELECT ${HANDOVER_FLAG_COLUMNS}
       FROM flags WHERE training = ? AND received_at_ms >= ? AND received_at_ms < ?`,
    )
    .all(t, ...range);
  const { breaches, breachesTotal } = rankBreaches(
    [...inShift, ...open].map(breachCandidateOf),
    asOf,
    targets,
  );

  const log = db
    .prepare<[number, number], { at_ms: number; kind: string; actor: string | null; detail_json: string }>(
      `SELECT at_ms, kind, actor, detail_json FROM alarm_log
       WHERE at_ms < ? AND at_ms >= ? - 86400000 AND kind IN ('feed_alarm_start', 'feed_alarm_end', 'silence') ORDER BY seq`,
    )
    .all(shift.endMs, shift.startMs);
  const { feedOutages, silences } = outagesAndSilences(
    log.map((e) => ({ ...e, detail: () => JSON.parse(e.detail_json) as Record<string, unknown> })),
    shift.startMs,
  );

  return {
    shiftId: shift.id,
    startMs: shift.startMs,
    endMs: shift.endMs,
    generatedAtMs: nowMs,
    training,
    received: { total: byRiskRows.reduce((s, r) => s + r.n, 0), byRisk, byDistrict },
    acknowledged: count(
      'SELECT count(*) AS n FROM flags WHERE training = ? AND acknowledged_at_ms >= ? AND acknowledged_at_ms < ?',
      t,
      ...range,
    ),
    dispatched: eventCount('dispatched'),
    closed: {
      total: outcomes.reduce((s, o) => s + o.n, 0),
      byOutcome: Object.fromEntries(outcomes.map((o) => [o.outcome, o.n])),
    },
    withdrawn: eventCount('withdrawn'),
    carriedOver: open.map(carriedOverOf),
    breaches,
    breachesTotal,
    feedOutages,
    silences,
    quarantined: count(
      'SELECT count(*) AS n FROM quarantine WHERE received_at_ms >= ? AND received_at_ms < ?',
      ...range,
    ),
    roster: db
      .prepare<[string], { desk: string; operator: string; supervisor: number }>(
        'SELECT desk, operator, supervisor FROM roster WHERE shift_id = ? ORDER BY supervisor DESC, desk',
      )
      .all(shift.id)
      .map((r) => ({ desk: r.desk, operator: r.operator, supervisor: r.supervisor === 1 })),
  };
}

interface HandoverRow {
  shift_id: string;
  summary_json: string;
  notes: string;
  signed_by: string;
  signed_at_ms: number;
  received_by: string | null;
  received_at_ms: number | null;
  sha256: string;
}

const digest = (summaryJson: string, notes: string) =>
  crypto.createHash('sha256').update(summaryJson).update('\n').update(notes).digest('hex');

function toRecord(row: HandoverRow): HandoverRecord {
  if (digest(row.summary_json, row.notes) !== row.sha256) {
    throw new ContractError('conflict', coded('handover.hash_mismatch', { shiftId: row.shift_id }));
  }
  return {
    shiftId: row.shift_id,
    summary: JSON.parse(row.summary_json) as HandoverSummary,
    notes: row.notes,
    signedBy: row.signed_by,
    signedAtMs: row.signed_at_ms,
    receivedBy: row.received_by,
    receivedAtMs: row.received_at_ms,
    sha256: row.sha256,
  };
}

export function getHandover(db: SqliteDatabase, shiftId: string): HandoverRecord | null {
  const row = db.prepare<[string], HandoverRow>('SELECT * FROM handovers WHERE shift_id = ?').get(shiftId);
  return row ? toRecord(row) : null;
}

/** The audit trail's last entry: the anchor a signed handover carries (migration 8 writes entry 1). */
function auditHead(db: SqliteDatabase): { seq: number; hash: string } {
  return db
    .prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
    .get()!;
}

/**
 * The outgoing supervisor signs: the summary as it stands now is frozen with the notes and the
 * audit trail's head at that moment (the anchor), all covered by the record's SHA-256.
 */
export function signHandover(
  db: SqliteDatabase,
  summary: HandoverSummary,
  notes: string,
  by: string,
  atMs: number,
): HandoverRecord {
  try {
    // The head is read in the same transaction as the insert, so no entry can slip in between.
    db.transaction(() => {
      const anchored: HandoverSummary = { ...summary, auditAnchor: auditHead(db) };
      const summaryJson = JSON.stringify(anchored);
      const sha256 = digest(summaryJson, notes);
      db.prepare(
        'INSERT INTO handovers (shift_id, summary_json, notes, signed_by, signed_at_ms, sha256) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(summary.shiftId, summaryJson, notes, by, atMs, sha256);
      appendAudit(db, handoverSignedAudit(summary.shiftId, by, atMs, sha256, notes));
    }).immediate();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new ContractError(
        'conflict',
        coded('handover.already_signed', { shiftId: summary.shiftId }),
        'shiftId',
      );
    }
    throw error;
  }
  return getHandover(db, summary.shiftId)!;
}

/** The incoming supervisor acknowledges receipt, once. */
export function receiveHandover(
  db: SqliteDatabase,
  shiftId: string,
  by: string,
  atMs: number,
): HandoverRecord {
  const existing = getHandover(db, shiftId);
  if (!existing) throw new ContractError('not_found', coded('handover.not_signed', { shiftId }), 'shiftId');
  const refusal = receiveRefusal(existing, by);
  if (refusal) throw new ContractError('conflict', refusal, existing.receivedBy ? 'shiftId' : 'supervisor');
  db.transaction(() => {
    db.prepare('UPDATE handovers SET received_by = ?, received_at_ms = ? WHERE shift_id = ?').run(
      by,
      atMs,
      shiftId,
    );
    appendAudit(db, handoverReceivedAudit(shiftId, by, atMs, existing.sha256));
  })();
  return getHandover(db, shiftId)!;
}
