// The rows of the per-unit figures: one per dispatch made in the range, of live flags only (the
// dispatches' own times; no personal field), off dispatches_by_time (migration 21). The figures are
// made from them in the core (reports/unit-figures.ts), whichever engine gave the rows.
import type { ReportRange, UnitDispatchRow } from '../store-types';
import type { SqliteDatabase } from './open-database';

export const UNIT_REPORT_ROWS_SQL = `SELECT d.unit_key AS unitKey, d.dispatched_at_ms AS dispatchedAtMs,
    d.confirmed_at_ms AS receivedAtMs, d.received_via AS via, d.contact_at_ms AS contactAtMs,
    d.unit_outcome_at_ms AS outcomeAtMs, d.handed_back_at_ms AS handedBackAtMs
  FROM dispatches d JOIN flags f ON f.id = d.flag_id
  WHERE d.dispatched_at_ms >= ? AND d.dispatched_at_ms < ? AND f.training = 0`;

export function unitDispatchRows(db: SqliteDatabase, range: ReportRange): UnitDispatchRow[] {
  return db.prepare<[number, number], UnitDispatchRow>(UNIT_REPORT_ROWS_SQL).all(range.fromMs, range.toMs);
}
