// The report's reads of the flags: every column any figure needs, off indexes — the flags of a range
// (and shift), and the closed flags of one day (what a kept day is made of, report-day-cache.ts),
// off the covering flags_report; the flags still open off flags_unsettled. Each row is added into a
// report part in one pass in JS (report-part.ts); grouping in SQLite took a temporary b-tree per
// GROUP BY. Rows come as arrays (better-sqlite3's raw mode), and the eight categorical columns come
// joined into one text by SQLite, which is the breakdown's grouping key as it stands (no key built
// per row in JS). Handing rows to JS costs about 3.5 µs each (0.9 s for the quarter of a million of
// 90 days; a JSON or joined-text read measured no faster), which is why settled days are kept. A
// flag's subject comes as its number in report_subjects where its key has one, else as the key
// (report-subjects.ts). No personal field is read.
import { KOTA_CITY_UNIT } from '../../../../../shared/routing/police-units';
import { IST_OFFSET_MS } from '../../../../../shared/time/ist';

// The row's shape (COL, ReportRow, the breakdown's separator) is the engine's, in core/store/report/report-row.ts;
// this file writes the SQL that yields it. char(31) below is report-row.ts's BREAKDOWN_SEPARATOR.

/** A value as text, '' for null: '=' + value otherwise, so an empty text is not taken for null. */
const part = (expression: string) => `ifnull('=' || (${expression}), '')`;

const REPORT_COLUMNS = `seq, received_at_ms, risk,
    ${[
      'risk',
      'district_key',
      `unit_key = '${KOTA_CITY_UNIT}'`,
      'platform',
      "status = 'withdrawn'",
      "state = 'closed'",
      'outcome',
      // The unit a flag was dispatched to, else the one it was routed to: reports keep a flag under
      // the unit that had it, whatever the registry says since (shared/routing/unit-history.ts).
      'coalesce(dispatch_unit_key, unit_key)',
    ]
      .map(part)
      .join(` || char(31) || `)} AS breakdown,
    coalesce((SELECT s.id FROM report_subjects s WHERE s.subject_key = flags.subject_key), flags.subject_key)
      AS subject,
    acknowledged_by, acknowledged_at_ms, dispatched_at_ms, confirmed_at_ms, closed_at_ms`;

const DAY_MS = 24 * 3600_000;

/**
 * The flags a report counts: live, received in [from, to), and — for one shift — whose IST time of
 * day falls in [shiftStart, shiftStart + shiftLength) modulo a day (the night wraps midnight). The
 * whole day (start 0, length a day) when no shift is asked for, so every query has one plan.
 * `training = 0` with the received-time range walks flags_report (migration 12), which covers
 * every column the report's flag queries read.
 */
export const REPORT_WHERE = `training = 0 AND received_at_ms >= @fromMs AND received_at_ms < @toMs
  AND ((received_at_ms + ${IST_OFFSET_MS} - @shiftStartMs) % ${DAY_MS} + ${DAY_MS}) % ${DAY_MS} < @shiftLengthMs`;

/** The flags of a report's range (and shift), every one of them. */
export const REPORT_ROWS_SQL = `SELECT ${REPORT_COLUMNS} FROM flags WHERE ${REPORT_WHERE}`;
/**
 * Those whose close is not recorded: their figures still change with the clock (a running stage),
 * so they are read afresh for the days whose closed flags report-day-cache.ts keeps.
 */
export const UNSETTLED_ROWS_SQL = `SELECT ${REPORT_COLUMNS} FROM flags INDEXED BY flags_unsettled
  WHERE ${REPORT_WHERE} AND closed_at_ms IS NULL`;
/**
 * Gives a number to each subject key of the closed flags received in [from, to) that has none, on
 * from report_subject_next; NEXT_SUBJECT_SQL then moves that on by as many (migration 15).
 */
export const NUMBER_SUBJECTS_SQL = `INSERT INTO report_subjects (subject_key, id)
  SELECT subject_key, (SELECT id FROM report_subject_next) + row_number() OVER () - 1
  FROM (SELECT DISTINCT subject_key FROM flags
    WHERE training = 0 AND received_at_ms >= @fromMs AND received_at_ms < @toMs AND closed_at_ms IS NOT NULL
      AND subject_key IS NOT NULL) AS day
  WHERE NOT EXISTS (SELECT 1 FROM report_subjects s WHERE s.subject_key = day.subject_key)`;
export const NEXT_SUBJECT_SQL = 'UPDATE report_subject_next SET id = id + ?';
/** The closed flags received in [from, to), every shift: what one kept day is made of. */
export const SETTLED_ROWS_SQL = `SELECT ${REPORT_COLUMNS} FROM flags
  WHERE training = 0 AND received_at_ms >= @fromMs AND received_at_ms < @toMs AND closed_at_ms IS NOT NULL`;
