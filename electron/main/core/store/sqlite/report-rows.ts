// The report's reads of the flags: every column any figure needs, off indexes — the flags of a range
// (and shift), and the closed flags of one day (what a kept day is made of, report-day-cache.ts),
// off the covering flags_report; the flags still open off flags_unsettled. Each row is added into a
// report part in one pass in JS (report-part.ts); grouping in SQLite took a temporary b-tree per
// GROUP BY. Rows come as arrays (better-sqlite3's raw mode), and the seven categorical columns come
// joined into one text by SQLite, which is the breakdown's grouping key as it stands (no key built
// per row in JS). Handing rows to JS costs about 3.5 µs each (0.9 s for the quarter of a million of
// 90 days; a JSON or joined-text read measured no faster), which is why settled days are kept. A
// flag's subject comes as its number in report_subjects where its key has one, else as the key
// (report-subjects.ts). No personal field is read.
import { KOTA_CITY_UNIT } from '../../../../../shared/routing/police-units';
import { REPORT_WHERE } from '../../reports/report-range';

/** Between the parts of the breakdown text (no key, platform or outcome holds a control character). */
const SEP = '\u001f';
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
    ]
      .map(part)
      .join(` || char(31) || `)} AS breakdown,
    coalesce((SELECT s.id FROM report_subjects s WHERE s.subject_key = flags.subject_key), flags.subject_key)
      AS subject,
    acknowledged_by, acknowledged_at_ms, dispatched_at_ms, confirmed_at_ms, closed_at_ms`;

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

/** Where each column is in a row of REPORT_ROWS_SQL. */
export const COL = {
  seq: 0,
  receivedAtMs: 1,
  risk: 2,
  breakdown: 3,
  /** Its number in report_subjects, or its key as text, or null. */
  subject: 4,
  acknowledgedBy: 5,
  acknowledgedAtMs: 6,
  dispatchedAtMs: 7,
  confirmedAtMs: 8,
  closedAtMs: 9,
} as const;

export type ReportRow = readonly (string | number | null)[];

/** The categorical columns of one breakdown group, from its text. */
export interface Breakdown {
  risk: string;
  districtKey: string | null;
  kotaCity: boolean | null;
  platform: string | null;
  withdrawn: boolean;
  closed: boolean;
  outcome: string | null;
}

export function parseBreakdown(text: string): Breakdown {
  const [risk, districtKey, kotaCity, platform, withdrawn, closed, outcome] = text
    .split(SEP)
    .map((p) => (p === '' ? null : p.slice(1)));
  return {
    risk: risk!,
    districtKey: districtKey ?? null,
    kotaCity: kotaCity === null || kotaCity === undefined ? null : kotaCity === '1',
    platform: platform ?? null,
    withdrawn: withdrawn === '1',
    closed: closed === '1',
    outcome: outcome ?? null,
  };
}
