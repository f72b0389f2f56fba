// The shape of one flag's row as the report engine reads it, whichever engine produced it: each
// engine's SQL (store/sqlite/report-rows.ts) yields these columns in this order, with the eight
// categorical columns joined into one text by BREAKDOWN_SEPARATOR (ASCII unit separator, char(31)).

/** Between the parts of the breakdown text (no key, platform or outcome holds a control character). */
export const BREAKDOWN_SEPARATOR = '\u001f';
const SEP = BREAKDOWN_SEPARATOR;

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
  /** The unit dispatched to, else routed to; null when neither. */
  unitKey: string | null;
}

export function parseBreakdown(text: string): Breakdown {
  const [risk, districtKey, kotaCity, platform, withdrawn, closed, outcome, unitKey] = text
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
    unitKey: unitKey ?? null,
  };
}
