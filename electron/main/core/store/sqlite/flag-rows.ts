// A flag's row as the queue reads it, and its QueueItem: one mapping for every query that lists flags;
// and the flag event every step appends.
// The case number the room quotes: the store's sequence, never the platform's id (one format, shared/).
import { caseNoOf } from '../../../../../shared/case-number';
import type { FlagState, QueueItem } from '../../../../../shared/domain';
import type { Outcome } from '../../../../../shared/dispatch';
import { coded, ContractError } from '../../../../../shared/errors';
import { ROUTE_BASES, type Route } from '../../../../../shared/routing/route';
import type { SqliteDatabase } from './open-database';
import { flagEventAudit } from '../audit-entries';
import { appendAudit } from './audit-queries';

export interface FlagRow {
  seq: number;
  id: string;
  revision: number;
  status: 'active' | 'withdrawn';
  flagged_at: string;
  flagged_at_ms: number;
  platform: string | null;
  category: string | null;
  risk: QueueItem['risk'];
  district_key: string | null;
  training: number;
  state: FlagState;
  acknowledged_by: string | null;
  acknowledged_at_ms: number | null;
  received_at_ms: number;
  risk_raised_at_ms: number | null;
  raise_acknowledged_at_ms: number | null;
  route_outcome: Route['outcome'] | null;
  unit_key: string | null;
  route_basis: Route['basis'] | null;
  route_confidence: Route['confidence'];
  route_candidates: string | null;
  dispatch_unit_key: string | null;
  dispatched_at_ms: number | null;
  confirmed_at_ms: number | null;
  follow_up_sequence: number | null;
  follow_up_after_ms: number | null;
  follow_up_due_at_ms: number | null;
  // The current dispatch's unit side and a pending hand-back (migration 21).
  received_by: string | null;
  received_via: 'console' | 'telephone' | null;
  officers_sent_at_ms: number | null;
  contact_at_ms: number | null;
  unit_outcome: Outcome | null;
  unit_outcome_at_ms: number | null;
  handed_back_unit_key: string | null;
  handed_back_by: string | null;
  handed_back_at_ms: number | null;
}

export const QUEUE_COLUMNS = `seq, id, revision, status, flagged_at, flagged_at_ms, platform, category, risk,
  district_key, training, state, acknowledged_by, acknowledged_at_ms, received_at_ms, risk_raised_at_ms, raise_acknowledged_at_ms,
  route_outcome, unit_key, route_basis, route_confidence, route_candidates, dispatch_unit_key, dispatched_at_ms, confirmed_at_ms,
  follow_up_sequence, follow_up_after_ms, follow_up_due_at_ms, received_by, received_via, officers_sent_at_ms,
  contact_at_ms, unit_outcome, unit_outcome_at_ms, handed_back_unit_key, handed_back_by, handed_back_at_ms`;

/** The stored candidates (platform-columns.ts); a value this code did not write reads as none. */
function candidatesOf(column: string | null): Route['candidates'] {
  if (column === null) return [];
  try {
    const rows = JSON.parse(column) as unknown;
    if (!Array.isArray(rows)) return [];
    return rows.flatMap((r) =>
      Array.isArray(r) && r.length === 3 && r.every((v) => typeof v === 'string') && isBasis(r[2])
        ? [{ districtKey: r[0] as string, unitKey: r[1] as string, basis: r[2] }]
        : [],
    );
  } catch {
    return [];
  }
}
const isBasis = (v: unknown): v is Route['basis'] => (ROUTE_BASES as readonly unknown[]).includes(v);

export function toQueueItem(row: FlagRow): QueueItem {
  return {
    id: row.id,
    caseNo: caseNoOf(row.seq),
    revision: row.revision,
    risk: row.risk,
    status: row.status,
    state: row.state,
    districtKey: row.district_key,
    platform: row.platform,
    category: row.category,
    flaggedAt: row.flagged_at,
    flaggedAtMs: row.flagged_at_ms,
    training: row.training === 1,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAtMs: row.acknowledged_at_ms,
    receivedAtMs: row.received_at_ms,
    riskRaisePending:
      row.risk_raised_at_ms !== null &&
      (row.raise_acknowledged_at_ms === null || row.raise_acknowledged_at_ms < row.risk_raised_at_ms),
    route: {
      outcome: row.route_outcome ?? 'unknown',
      unitKey: row.unit_key,
      districtKey: row.district_key,
      basis: row.route_basis ?? 'none',
      confidence: row.route_confidence,
      candidates: candidatesOf(row.route_candidates),
    },
    dispatch:
      row.dispatched_at_ms === null || row.dispatch_unit_key === null
        ? null
        : {
            unitKey: row.dispatch_unit_key,
            atMs: row.dispatched_at_ms,
            confirmedAtMs: row.confirmed_at_ms,
            progress: {
              receivedBy: row.received_by,
              via: row.received_via,
              officersSentAtMs: row.officers_sent_at_ms,
              contactAtMs: row.contact_at_ms,
              outcome: row.unit_outcome,
              outcomeAtMs: row.unit_outcome_at_ms,
            },
          },
    handBack:
      row.handed_back_unit_key === null || row.handed_back_by === null || row.handed_back_at_ms === null
        ? null
        : { unitKey: row.handed_back_unit_key, by: row.handed_back_by, atMs: row.handed_back_at_ms },
    followUp:
      row.follow_up_sequence === null || row.follow_up_after_ms === null || row.follow_up_due_at_ms === null
        ? null
        : {
            sequence: row.follow_up_sequence,
            afterMs: row.follow_up_after_ms,
            dueAtMs: row.follow_up_due_at_ms,
          },
  };
}

export function flagRow(db: SqliteDatabase, id: string): FlagRow {
  const row = db.prepare<[string], FlagRow>(`SELECT ${QUEUE_COLUMNS} FROM flags WHERE id = ?`).get(id);
  if (!row) throw new ContractError('not_found', coded('flag.not_found', { id }), 'id');
  return row;
}

/** Every step a person or the system takes on a flag is one of these: the history, other desks' refresh, the audit. */
export function appendFlagEvent(
  db: SqliteDatabase,
  id: string,
  atMs: number,
  kind: string,
  actor: string | null,
  detail: object,
) {
  const detailJson = JSON.stringify(detail);
  const write = () => {
    db.prepare(
      'INSERT INTO flag_events (flag_id, at_ms, kind, actor, detail_json) VALUES (?, ?, ?, ?, ?)',
    ).run(id, atMs, kind, actor, detailJson);
    appendAudit(db, flagEventAudit(id, atMs, kind, actor, detailJson));
  };
  // The event and its audit entry are one: in the caller's transaction, or in one of their own.
  if (db.inTransaction) write();
  else db.transaction(write)();
}
