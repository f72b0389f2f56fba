// The figures of each settled IST day, kept (migration 13): a closed flag's counts and durations no
// longer change with the clock, so a day's closed flags are summed once per shift into a report
// part (report-part.ts) and kept in report_days until a trigger drops the day because one of its
// closed flags was added, changed or deleted, or one of its flags was closed. A report then reads
// a few hundred kept parts instead of a quarter of a million rows, and reads live only its partial
// first and last days, the day not over yet, and the flags still open. A day that is over is
// (re)made the first time a report needs it, or ahead of time by warm(). Its form (migrations 14
// and 15): the small figures as JSON, then the cells' sorted durations and the subjects' numbers
// (report-subjects.ts) as blobs; the breach list in report_day_breaches, read only if the part's
// worst breach makes the report.
import { RISKS, type Risk } from '../../../../../shared/domain';
import { REPORT_BREACH_CAP, REPORT_MAX_RANGE_MS } from '../../../../../shared/report';
import type { Shift } from '../../../../../shared/shifts/schedule';
import { IST_OFFSET_MS } from '../../../../../shared/time/ist';
import { DEFAULT_TARGETS, TIMER_STAGES } from '../../../../../shared/timers';
import type { SqliteDatabase } from './open-database';
import { partsByShift, type Breach, type Cell, type ReportPart } from '../report/report-part';
import type { ReportContext } from '../store-types';
import { NEXT_SUBJECT_SQL, NUMBER_SUBJECTS_SQL, SETTLED_ROWS_SQL } from './report-rows';
import type { ReportRow } from '../report/report-row';
import { subjectsOf } from '../report/report-subjects';

const DAY_MS = 24 * 3600_000;
/**
 * Raised whenever what a kept part holds, or how, changes (report-part.ts's tallies, cells and
 * breaches, encode() here): older parts are then made again. A test holds one kept day's exact form.
 */
const FORMAT = 4;

/** IST days since 1970-01-01, as the triggers of migration 13 number them. */
export const istDay = (ms: number) => Math.floor((ms + IST_OFFSET_MS) / DAY_MS);
export const istDayStartMs = (day: number) => day * DAY_MS - IST_OFFSET_MS;

/** What the kept figures were made with: a part made with another schedule or targets is not used. */
export const cacheBasis = (schedule: readonly Shift[]) =>
  JSON.stringify([FORMAT, schedule, DEFAULT_TARGETS, REPORT_BREACH_CAP]);

export const KEPT_PARTS_SQL = `SELECT day, shift_key, summary_json, times, subjects FROM report_days
  WHERE day >= ? AND day < ? AND basis = ?`;
export const KEPT_BREACHES_SQL = 'SELECT breaches FROM report_day_breaches WHERE day = ? AND shift_key = ?';

/** A kept breach is six numbers: seq, risk, stage, received, elapsed, target (risk and stage as indexes). */
type KeptBreach = [number, number, number, number, number, number];

interface Summary {
  slots: [number, number][];
  tallies: [string, number][];
  /** Per cell: risk, operator, then count, running and breached for each stage in TIMER_STAGES order. */
  cells: (string | number | null)[][];
  /** 4 when every duration fits an unsigned 32-bit integer (whole ms under 49 days), else 8. */
  timeBytes: 4 | 8;
  breachTotal: number;
  /** The part's worst breach: its list is read only if this one can make the report's. */
  worstBreach: KeptBreach | null;
}

const keptBreach = (b: Breach): KeptBreach => [
  b.seq,
  RISKS.indexOf(b.risk),
  TIMER_STAGES.indexOf(b.stage),
  b.receivedAtMs,
  b.elapsedMs,
  b.targetMs,
];
/** The kept breach at `at` of these numbers. */
const breachOf = (values: ArrayLike<number>, at = 0): Breach => ({
  seq: values[at]!,
  risk: RISKS[values[at + 1]!]!,
  stage: TIMER_STAGES[values[at + 2]!]!,
  receivedAtMs: values[at + 3]!,
  elapsedMs: values[at + 4]!,
  targetMs: values[at + 5]!,
  running: false,
});
const BREACH_WIDTH = 6;

const bytesOf = (values: Uint32Array | Float64Array) =>
  Buffer.from(values.buffer, values.byteOffset, values.byteLength);

/** The blob's values, in place when its bytes are aligned for them (better-sqlite3's are), else a copy. */
function valuesOf<T extends Uint32Array | Float64Array>(
  blob: Buffer,
  Values: { new (buffer: ArrayBufferLike, offset: number, length: number): T; new (length: number): T },
  width: number,
): T {
  if (blob.byteOffset % width === 0) return new Values(blob.buffer, blob.byteOffset, blob.byteLength / width);
  const values = new Values(blob.byteLength / width);
  new Uint8Array(values.buffer).set(blob);
  return values;
}

function encode(part: ReportPart) {
  // make() numbers every key of the day first; a key without a number would be lost here.
  if (part.subjects.others.length > 0) throw new Error('a kept part holds subjects by number only');
  const stageTimes: ArrayLike<number>[] = [];
  const cells = part.cells.map((cell) => [
    cell.risk,
    cell.operator,
    ...TIMER_STAGES.flatMap((stage) => {
      const { times, running, breached } = cell.stages[stage];
      stageTimes.push(times);
      return [times.length, running, breached];
    }),
  ]);
  // Each cell's durations as they are (sorted, durationsOf): 4 bytes each unless one cell needs 8.
  const total = stageTimes.reduce((n, t) => n + t.length, 0);
  const times = stageTimes.every((t) => t instanceof Uint32Array)
    ? new Uint32Array(total)
    : new Float64Array(total);
  let offset = 0;
  for (const t of stageTimes) {
    times.set(t, offset);
    offset += t.length;
  }
  const breaches: number[] = [];
  for (const b of part.breaches.top()) breaches.push(...keptBreach(b));
  const summary: Summary = {
    slots: [...part.slots],
    tallies: [...part.tallies],
    cells,
    timeBytes: times.BYTES_PER_ELEMENT as 4 | 8,
    breachTotal: part.breaches.total,
    worstBreach: part.breaches.worst ? keptBreach(part.breaches.worst) : null,
  };
  return {
    summary: JSON.stringify(summary),
    times: bytesOf(times),
    subjects: bytesOf(part.subjects.ids),
    breaches: bytesOf(Float64Array.from(breaches)),
  };
}

type KeptRow = [day: number, shiftKey: string, summary: string, times: Buffer, subjects: Buffer];

function decode(
  [day, shiftKey, summaryJson, times, subjects]: KeptRow,
  readBreaches: (day: number, shiftKey: string) => Buffer,
): ReportPart {
  const summary = JSON.parse(summaryJson) as Summary;
  const samples =
    summary.timeBytes === 4 ? valuesOf(times, Uint32Array, 4) : valuesOf(times, Float64Array, 8);
  let offset = 0;
  const cells = summary.cells.map(([risk, operator, ...figures]): Cell => {
    const stages = Object.fromEntries(
      TIMER_STAGES.map((stage, i) => {
        const [count, running, breached] = figures.slice(i * 3, i * 3 + 3) as number[];
        const tally = {
          times: samples.subarray(offset, offset + count!),
          running: running!,
          breached: breached!,
        };
        offset += count!;
        return [stage, tally];
      }),
    ) as unknown as Cell['stages'];
    return { risk: risk as Risk, shiftKey, operator: operator as string | null, stages };
  });
  return {
    slots: new Map(summary.slots),
    tallies: new Map(summary.tallies),
    subjects: { ids: valuesOf(subjects, Uint32Array, 4), others: [] },
    cells,
    breaches: {
      total: summary.breachTotal,
      worst: summary.worstBreach ? breachOf(summary.worstBreach) : undefined,
      *top() {
        const values = valuesOf(readBreaches(day, shiftKey), Float64Array, 8);
        for (let at = 0; at < values.length; at += BREACH_WIDTH) yield breachOf(values, at);
      },
    },
  };
}

const EMPTY_PART: ReportPart = {
  slots: new Map(),
  tallies: new Map(),
  subjects: subjectsOf([]),
  cells: [],
  breaches: { total: 0, worst: undefined, top: () => [] },
};

/** The parts of these days, every shift of the schedule (an empty part included), by "day:shift". */
function build(db: SqliteDatabase, days: readonly number[], schedule: readonly Shift[]) {
  const rows = db.prepare<Record<'fromMs' | 'toMs', number>, ReportRow>(SETTLED_ROWS_SQL).raw(true);
  // No nowMs is needed: a settled flag has no running stage.
  const context: ReportContext = { schedule, nowMs: 0 };
  const made = new Map<string, ReportPart>();
  for (const day of days) {
    const dayRows = rows.iterate({ fromMs: istDayStartMs(day), toMs: istDayStartMs(day + 1) });
    let parts: Map<string, ReportPart>;
    try {
      parts = partsByShift(dayRows, context);
    } finally {
      dayRows.return?.(); // an iteration left open keeps the connection busy for every other query
    }
    for (const { key } of schedule) made.set(`${day}:${key}`, parts.get(key) ?? EMPTY_PART);
  }
  return made;
}

/**
 * Makes the parts of these days and keeps them, their subjects' keys numbered first (migration 15)
 * in the same transaction. Keeping is only a saving: if a write fails (a full disk), it is all
 * undone, the parts are made again from the keys as they stand and the report goes on; the next
 * report or warm() tries again.
 */
function make(db: SqliteDatabase, days: readonly number[], schedule: readonly Shift[], basis: string) {
  const number = db.prepare(NUMBER_SUBJECTS_SQL);
  const moveOn = db.prepare(NEXT_SUBJECT_SQL);
  // A day's breach list is dropped with it by the foreign key's cascade; one left behind while
  // foreign keys were off (a restore) is replaced.
  const drop = db.prepare('DELETE FROM report_days WHERE day = ? AND shift_key = ?');
  const keep = db.prepare(
    'INSERT INTO report_days (day, shift_key, basis, summary_json, times, subjects) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const keepBreaches = db.prepare(
    'INSERT OR REPLACE INTO report_day_breaches (day, shift_key, breaches) VALUES (?, ?, ?)',
  );
  try {
    return db.transaction(() => {
      for (const day of days)
        moveOn.run(number.run({ fromMs: istDayStartMs(day), toMs: istDayStartMs(day + 1) }).changes);
      const made = build(db, days, schedule);
      db.prepare('DELETE FROM report_days WHERE basis <> ?').run(basis);
      for (const [id, part] of made) {
        const day = Number(id.slice(0, id.indexOf(':')));
        const shiftKey = id.slice(id.indexOf(':') + 1);
        const { summary, times, subjects, breaches } = encode(part);
        drop.run(day, shiftKey);
        keep.run(day, shiftKey, basis, summary, times, subjects);
        keepBreaches.run(day, shiftKey, breaches);
      }
      return made;
    })();
  } catch {
    // Not kept (see above); nothing else is lost.
    return build(db, days, schedule);
  }
}

/**
 * The kept parts of days [fromDay, toDay) for one shift, or for every shift of the schedule; the
 * days not kept yet (or kept with another basis) are made first and kept.
 */
export function keptParts(
  db: SqliteDatabase,
  fromDay: number,
  toDay: number,
  schedule: readonly Shift[],
  shiftKey: string | undefined,
): ReportPart[] {
  if (fromDay >= toDay) return [];
  const basis = cacheBasis(schedule);
  const shiftKeys = shiftKey === undefined ? schedule.map((s) => s.key) : [shiftKey];
  const parts = new Map<string, ReportPart>();
  const breaches = db.prepare<[number, string], Buffer>(KEPT_BREACHES_SQL).pluck();
  const readBreaches = (day: number, key: string) => {
    const blob = breaches.get(day, key);
    // Kept with its day in one transaction, and dropped with it: never missing while the day is kept.
    if (blob === undefined) throw new Error(`report_day_breaches: none kept for day ${day}, ${key}`);
    return blob;
  };
  const rows = db
    .prepare<[number, number, string], KeptRow>(KEPT_PARTS_SQL)
    .raw(true)
    .iterate(fromDay, toDay, basis);
  for (const row of rows)
    if (shiftKeys.includes(row[1])) parts.set(`${row[0]}:${row[1]}`, decode(row, readBreaches));
  const missing: number[] = [];
  for (let day = fromDay; day < toDay; day++)
    if (shiftKeys.some((key) => !parts.has(`${day}:${key}`))) missing.push(day);
  if (missing.length > 0)
    for (const [id, part] of make(db, missing, schedule, basis))
      if (shiftKeys.includes(id.slice(id.indexOf(':') + 1))) parts.set(id, part);
  return [...parts.values()];
}

/**
 * Makes up to `maxDays` of the days in [fromDay, toDay) not kept yet, newest first, so the first
 * report after a start does not wait for them. Returns how many it made.
 */
export function warm(
  db: SqliteDatabase,
  fromDay: number,
  toDay: number,
  schedule: readonly Shift[],
  maxDays: number,
): number {
  const basis = cacheBasis(schedule);
  const kept = new Set(
    (
      db
        .prepare<[number, number, string, number], { day: number }>(
          'SELECT day FROM report_days WHERE day >= ? AND day < ? AND basis = ? GROUP BY day HAVING count(*) = ?',
        )
        .all(fromDay, toDay, basis, schedule.length) as { day: number }[]
    ).map((r) => r.day),
  );
  const missing: number[] = [];
  for (let day = toDay - 1; day >= fromDay && missing.length < maxDays; day--)
    if (!kept.has(day)) missing.push(day);
  if (missing.length > 0) make(db, missing, schedule, basis);
  return missing.length;
}

export const OLDEST_LIVE_SQL = 'SELECT min(received_at_ms) FROM flags WHERE training = 0';

/**
 * warm() over the days a report may ask for: back from yesterday to the oldest live flag, at most
 * REPORT_MAX_RANGE_MS (366 days).
 */
export function warmRecent(db: SqliteDatabase, context: ReportContext, maxDays: number): number {
  const oldest = db.prepare(OLDEST_LIVE_SQL).pluck().get() as number | null;
  if (oldest === null) return 0;
  const fromDay = Math.max(istDay(oldest), istDay(context.nowMs - REPORT_MAX_RANGE_MS));
  return warm(db, fromDay, istDay(context.nowMs), context.schedule, maxDays);
}
