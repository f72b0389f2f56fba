// The one read a report makes of the flags: every column any figure needs, for the live flags of
// the range (and shift), off the covering index flags_report (migration 12) — then every count,
// series, repeat and response time is made in one pass in JS. Grouping in SQLite took a temporary
// b-tree per GROUP BY and a walk of the index for each query: over 90 days of a million-flag store
// that was 2.3 s of the report's 3.1 s. Rows come as arrays (better-sqlite3's raw mode), and the
// seven categorical columns come joined into one text by SQLite, which is the breakdown's grouping
// key as it stands (no key built per row in JS). Handing the rows to JS is now most of the time
// (about 0.9 s for a quarter of a million; a JSON or joined-text read measured no faster). No
// personal field is read.
import { KOTA_CITY_UNIT } from '../../../../shared/routing/police-units';
import { REPORT_WHERE } from './report-range';

/** Between the parts of the breakdown text (no key, platform or outcome holds a control character). */
const SEP = '\u001f';
/** A value as text, '' for null: '=' + value otherwise, so an empty text is not taken for null. */
const part = (expression: string) => `ifnull('=' || (${expression}), '')`;

export const REPORT_ROWS_SQL = `SELECT seq, received_at_ms, risk,
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
    subject_key, acknowledged_by, acknowledged_at_ms, dispatched_at_ms, confirmed_at_ms, closed_at_ms
  FROM flags WHERE ${REPORT_WHERE}`;

/** Where each column is in a row of REPORT_ROWS_SQL. */
export const COL = {
  seq: 0,
  receivedAtMs: 1,
  risk: 2,
  breakdown: 3,
  subjectKey: 4,
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
