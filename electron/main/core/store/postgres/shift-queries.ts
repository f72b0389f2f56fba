// The alarm log and its figures, the roster, and signed handovers on PostgreSQL (mirrors
// sqlite/alarm-queries.ts and handover-queries.ts; the timers and next steps are shared/'s).
import { alarmAudit, handoverReceivedAudit, handoverSignedAudit, rosterAudit } from '../audit-entries';
import crypto from 'node:crypto';
import { alarmKpisOf } from '../alarm-kpis';
import { coded, ContractError } from '../../../../../shared/errors';
import { RISKS, type AlarmKpis, type Risk } from '../../../../../shared/domain';
import {
  rankBreaches,
  receiveRefusal,
  type HandoverRecord,
  type HandoverSummary,
} from '../../../../../shared/handover';
import type { RosterEntry, ShiftInstance } from '../../../../../shared/shifts/schedule';
import type { TimerTargets } from '../../../../../shared/timers';
import {
  breachCandidateOf,
  carriedOverOf,
  HANDOVER_FLAG_COLUMNS,
  outagesAndSilences,
  type HandoverFlagRow,
} from '../handover-rows';
import { HOURS_PER_WEEK } from '../../../../../shared/time/ist';
import { auditDetailJson } from '../../../../../shared/audit-detail';
import type { AlarmLogEntry, ArrivalStats } from '../store';
import { COMMIT_ORDER_LOCK, type Tx } from './pg-db';

const alarmAad = (atMs: number, kind: string) => `alarm_log.detail_json|${atMs}|${kind}`;

export async function appendAlarmLog(tx: Tx, entries: readonly AlarmLogEntry[]): Promise<void> {
  for (const e of entries) {
    const detailJson = JSON.stringify(e.detail);
    await tx.run(
      'INSERT INTO alarm_log (at_ms, kind, actor, detail_audit, detail_sealed) VALUES ($1, $2, $3, $4, $5)',
      [
        e.atMs,
        e.kind,
        e.actor,
        auditDetailJson(detailJson),
        tx.crypto.seal(detailJson, alarmAad(e.atMs, e.kind)),
      ],
    );
    tx.audit(alarmAudit(e));
  }
}

export async function arrivalStats(tx: Tx, sinceMs: number, training: boolean): Promise<ArrivalStats> {
  const t = training ? 1 : 0;
  const range = (await tx.one<{ firstMs: number | null; lastMs: number | null }>(
    'SELECT min(received_at_ms) AS "firstMs", max(received_at_ms) AS "lastMs" FROM flags WHERE training = $1',
    [t],
  ))!;
  const byHourOfWeek = new Array<number>(HOURS_PER_WEEK).fill(0);
  const rows = await tx.query<{ how: number; n: number }>(
    `SELECT ((received_at_ms + 19800000) / 3600000 + 72) % 168 AS how, count(*)::int AS n
     FROM flags WHERE training = $1 AND received_at_ms >= $2 GROUP BY how`,
    [t, sinceMs],
  );
  for (const r of rows) byHourOfWeek[r.how] = r.n;
  return { firstMs: range.firstMs, lastMs: range.lastMs, byHourOfWeek };
}

export async function alarmKpis(tx: Tx, fromMs: number, toMs: number, training: boolean): Promise<AlarmKpis> {
  const t = training ? 1 : 0;
  const count = async (sql: string, args: number[]) => (await tx.one<{ n: number }>(sql, args))!.n;
  const flagAlarms = await count(
    'SELECT count(*)::int AS n FROM flags WHERE training = $1 AND received_at_ms >= $2 AND received_at_ms < $3',
    [t, fromMs, toMs],
  );
  const feedAlarms = await count(
    `SELECT count(*)::int AS n FROM alarm_log WHERE kind = 'feed_alarm_start' AND at_ms >= $1 AND at_ms < $2`,
    [fromMs, toMs],
  );
  const silences = await count(
    `SELECT count(*)::int AS n FROM alarm_log WHERE kind = 'silence' AND at_ms >= $1 AND at_ms < $2`,
    [fromMs, toMs],
  );
  const acks = await tx.query<{ risk: Risk; ms: number }>(
    `SELECT risk, acknowledged_at_ms - received_at_ms AS ms FROM flags
     WHERE training = $1 AND acknowledged_at_ms >= $2 AND acknowledged_at_ms < $3 ORDER BY ms`,
    [t, fromMs, toMs],
  );
  const floodEvents = await tx.query<{ at_ms: number; kind: string }>(
    `SELECT at_ms, kind FROM alarm_log WHERE kind IN ('flood_start', 'flood_end') AND at_ms < $1 ORDER BY seq`,
    [toMs],
  );
  return alarmKpisOf(fromMs, toMs, { flagAlarms, feedAlarms, silences, acks, floodEvents });
}

export async function getRoster(tx: Tx, shiftId: string): Promise<RosterEntry[]> {
  const rows = await tx.query<{ desk: string; operator: string; supervisor: number }>(
    'SELECT desk, operator, supervisor FROM roster WHERE shift_id = $1 ORDER BY supervisor DESC, desk',
    [shiftId],
  );
  return rows.map((r) => ({ desk: r.desk, operator: r.operator, supervisor: r.supervisor === 1 }));
}

/** Replaces the roster; each row removed or assigned is audited (audit-entries.ts). */
export async function setRoster(tx: Tx, shiftId: string, entries: RosterEntry[]): Promise<void> {
  const now = Date.now();
  const audit = (change: 'assigned' | 'removed', e: { desk: string; operator: string; supervisor: number }) =>
    tx.audit(rosterAudit(shiftId, change, e, now));
  const removed = await tx.query<{ desk: string; operator: string; supervisor: number }>(
    'DELETE FROM roster WHERE shift_id = $1 RETURNING desk, operator, supervisor',
    [shiftId],
  );
  for (const r of removed) audit('removed', r);
  for (const e of entries) {
    const row = { desk: e.desk, operator: e.operator, supervisor: e.supervisor ? 1 : 0 };
    await tx.run('INSERT INTO roster (shift_id, desk, operator, supervisor) VALUES ($1, $2, $3, $4)', [
      shiftId,
      row.desk,
      row.operator,
      row.supervisor,
    ]);
    audit('assigned', row);
  }
}

export async function handoverSummary(
  tx: Tx,
  shift: ShiftInstance,
  nowMs: number,
  training: boolean,
  targets: TimerTargets | undefined,
): Promise<HandoverSummary> {
  const t = training ? 1 : 0;
  const range = [shift.startMs, shift.endMs];
  const count = async (sql: string, args: unknown[]) => (await tx.one<{ n: number }>(sql, args))!.n;
  const byRiskRows = await tx.query<{ risk: Risk; n: number }>(
    'SELECT risk, count(*)::int AS n FROM flags WHERE training = $1 AND received_at_ms >= $2 AND received_at_ms < $3 GROUP BY risk',
    [t, ...range],
  );
  const byRisk = Object.fromEntries(
    RISKS.map((r) => [r, byRiskRows.find((x) => x.risk === r)?.n ?? 0]),
  ) as Record<Risk, number>;
  const byDistrict = await tx.query<{ districtKey: string | null; count: number }>(
    `SELECT district_key AS "districtKey", count(*)::int AS count FROM flags
     WHERE training = $1 AND received_at_ms >= $2 AND received_at_ms < $3 GROUP BY district_key
     ORDER BY count DESC, district_key IS NULL, district_key`,
    [t, ...range],
  );
  const eventCount = (kind: string) =>
    count(
      `SELECT count(DISTINCT e.flag_id)::int AS n FROM flag_events e JOIN flags f ON f.id = e.flag_id
       WHERE e.kind = $1 AND e.at_ms >= $2 AND e.at_ms < $3 AND f.training = $4`,
      [kind, ...range, t],
    );
  const outcomes = await tx.query<{ outcome: string; n: number }>(
    `SELECT coalesce(e.detail_audit::jsonb ->> 'outcome', 'unspecified') AS outcome, count(*)::int AS n
     FROM flag_events e JOIN flags f ON f.id = e.flag_id
     WHERE e.kind = 'closed' AND e.at_ms >= $1 AND e.at_ms < $2 AND f.training = $3
       AND NOT EXISTS (SELECT 1 FROM flag_events u WHERE u.flag_id = e.flag_id AND u.kind = 'close_undone' AND u.seq > e.seq)
     GROUP BY 1`,
    [...range, t],
  );
  const asOf = Math.min(nowMs, shift.endMs);
  const open = await tx.query<HandoverFlagRow & Record<string, unknown>>(
    `SELECT ${HANDOVER_FLAG_COLUMNS} FROM flags WHERE state <> 'closed' AND training = $1 AND received_at_ms < $2
     ORDER BY risk_rank, flagged_at_ms`,
    [t, asOf],
  );
  const inShift = await tx.query<HandoverFlagRow & Record<string, unknown>>(
    `SELECT ${HANDOVER_FLAG_COLUMNS} FROM flags WHERE training = $1 AND received_at_ms >= $2 AND received_at_ms < $3`,
    [t, ...range],
  );
  const { breaches, breachesTotal } = rankBreaches(
    [...inShift, ...open].map(breachCandidateOf),
    asOf,
    targets,
  );
  const log = await tx.query<{
    at_ms: number;
    kind: string;
    actor: string | null;
    detail_audit: string;
    detail_sealed: Buffer;
  }>(
    `SELECT at_ms, kind, actor, detail_audit, detail_sealed FROM alarm_log
     WHERE at_ms < $1 AND at_ms >= $2::bigint - 86400000 AND kind IN ('feed_alarm_start', 'feed_alarm_end', 'silence') ORDER BY seq`,
    [shift.endMs, shift.startMs],
  );
  const { feedOutages, silences } = outagesAndSilences(
    log.map((e) => ({
      ...e,
      // A silence's reason is sealed; a feed alarm's state is in the audit form.
      detail: () =>
        JSON.parse(
          e.kind === 'silence' ? tx.crypto.open(e.detail_sealed, alarmAad(e.at_ms, e.kind)) : e.detail_audit,
        ) as Record<string, unknown>,
    })),
    shift.startMs,
  );
  return {
    shiftId: shift.id,
    startMs: shift.startMs,
    endMs: shift.endMs,
    generatedAtMs: nowMs,
    training,
    received: { total: byRiskRows.reduce((s, r) => s + r.n, 0), byRisk, byDistrict },
    acknowledged: await count(
      'SELECT count(*)::int AS n FROM flags WHERE training = $1 AND acknowledged_at_ms >= $2 AND acknowledged_at_ms < $3',
      [t, ...range],
    ),
    dispatched: await eventCount('dispatched'),
    closed: {
      total: outcomes.reduce((s, o) => s + o.n, 0),
      byOutcome: Object.fromEntries(outcomes.map((o) => [o.outcome, o.n])),
    },
    withdrawn: await eventCount('withdrawn'),
    carriedOver: open.map(carriedOverOf),
    breaches,
    breachesTotal,
    feedOutages,
    silences,
    quarantined: await count(
      'SELECT count(*)::int AS n FROM quarantine WHERE received_at_ms >= $1 AND received_at_ms < $2',
      range,
    ),
    roster: await getRoster(tx, shift.id),
  };
}

const digest = (summaryJson: string, notes: string) =>
  crypto.createHash('sha256').update(summaryJson).update('\n').update(notes).digest('hex');

export async function getHandover(tx: Tx, shiftId: string): Promise<HandoverRecord | null> {
  const row = await tx.one<{
    shift_id: string;
    summary_sealed: Buffer;
    notes_sealed: Buffer;
    signed_by: string;
    signed_at_ms: number;
    received_by: string | null;
    received_at_ms: number | null;
    sha256: string;
  }>('SELECT * FROM handovers WHERE shift_id = $1', [shiftId]);
  if (!row) return null;
  const summaryJson = tx.crypto.open(row.summary_sealed, `handovers.summary_json|${shiftId}`);
  const notes = tx.crypto.open(row.notes_sealed, `handovers.notes|${shiftId}`);
  if (digest(summaryJson, notes) !== row.sha256)
    throw new ContractError('conflict', coded('handover.hash_mismatch', { shiftId: row.shift_id }));
  return {
    shiftId: row.shift_id,
    summary: JSON.parse(summaryJson) as HandoverSummary,
    notes,
    signedBy: row.signed_by,
    signedAtMs: row.signed_at_ms,
    receivedBy: row.received_by,
    receivedAtMs: row.received_at_ms,
    sha256: row.sha256,
  };
}

/**
 * Signs: the summary frozen with the notes and the audit trail's head (the anchor). The head is read
 * under the commit-order lock, so no entry can be appended between it and this record.
 */
export async function signHandover(
  tx: Tx,
  summary: HandoverSummary,
  notes: string,
  by: string,
  atMs: number,
) {
  await tx.run('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK]);
  const head = (await tx.one<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  )) ?? {
    seq: 0,
    hash: '0'.repeat(64),
  };
  const anchored: HandoverSummary = { ...summary, auditAnchor: { seq: head.seq, hash: head.hash } };
  const summaryJson = JSON.stringify(anchored);
  const sha256 = digest(summaryJson, notes);
  const added = await tx.run(
    `INSERT INTO handovers (shift_id, summary_sealed, notes_sealed, signed_by, signed_at_ms, sha256)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (shift_id) DO NOTHING`,
    [
      summary.shiftId,
      tx.crypto.seal(summaryJson, `handovers.summary_json|${summary.shiftId}`),
      tx.crypto.seal(notes, `handovers.notes|${summary.shiftId}`),
      by,
      atMs,
      sha256,
    ],
  );
  if (added === 0)
    throw new ContractError(
      'conflict',
      coded('handover.already_signed', { shiftId: summary.shiftId }),
      'shiftId',
    );
  tx.audit(handoverSignedAudit(summary.shiftId, by, atMs, sha256, notes));
  return (await getHandover(tx, summary.shiftId))!;
}

export async function receiveHandover(
  tx: Tx,
  shiftId: string,
  by: string,
  atMs: number,
): Promise<HandoverRecord> {
  await tx.one('SELECT 1 FROM handovers WHERE shift_id = $1 FOR UPDATE', [shiftId]);
  const existing = await getHandover(tx, shiftId);
  if (!existing) throw new ContractError('not_found', coded('handover.not_signed', { shiftId }), 'shiftId');
  const refusal = receiveRefusal(existing, by);
  if (refusal) throw new ContractError('conflict', refusal, existing.receivedBy ? 'shiftId' : 'supervisor');
  await tx.run('UPDATE handovers SET received_by = $1, received_at_ms = $2 WHERE shift_id = $3', [
    by,
    atMs,
    shiftId,
  ]);
  tx.audit(handoverReceivedAudit(shiftId, by, atMs, existing.sha256));
  return (await getHandover(tx, shiftId))!;
}
