// The figures of each settled IST day, kept (migration 13): a closed flag's counts and durations no
// longer change with the clock, so a day's closed flags are summed once per shift into a report
// part (report-part.ts) and kept in report_days until a trigger drops the day because one of its
// closed flags was added, changed or deleted, or one of its flags was closed. A report then reads
// a few hundred kept parts instead of a quarter of a million rows, and reads live only its partial
// first and last days, the day not over yet, and the flags still open. A day that is over is
// (re)made the first time a report needs it, or ahead of time by warm().
import { RISKS, type Risk } from '../../../../shared/domain';
import { REPORT_BREACH_CAP, REPORT_MAX_RANGE_MS } from '../../../../shared/report';
import type { Shift } from '../../../../shared/shifts/schedule';
import { IST_OFFSET_MS } from '../../../../shared/time/ist';
import { DEFAULT_TARGETS, TIMER_STAGES } from '../../../../shared/timers';
import type { SqliteDatabase } from './open-database';
import { partsByShift, type Breach, type Cell, type ReportPart } from './report-part';
import type { ReportContext } from './report-range';
import { SETTLED_ROWS_SQL, type ReportRow } from './report-rows';
import { subjectsInText, subjectsOf } from './report-subjects';

const DAY_MS = 24 * 3600_000;
/**
 * Raised whenever what a kept part holds, or how, changes (report-part.ts's tallies, cells and
 * breaches, encode() here): older parts are then made again. A test holds one kept day's exact form.
 */
const FORMAT = 1;
/** Subject keys are hex hashes (subject-key.ts): a newline never occurs in one. */
const SUBJECT_SEP = '\n';

/** IST days since 1970-01-01, as the triggers of migration 13 number them. */
export const istDay = (ms: number) => Math.floor((ms + IST_OFFSET_MS) / DAY_MS);
export const istDayStartMs = (day: number) => day * DAY_MS - IST_OFFSET_MS;

/** What the kept figures were made with: a part made with another schedule or targets is not used. */
export const cacheBasis = (schedule: readonly Shift[]) =>
  JSON.stringify([FORMAT, schedule, DEFAULT_TARGETS, REPORT_BREACH_CAP]);

export const KEPT_PARTS_SQL = `SELECT day, shift_key, summary_json, subjects, subject_hashes, times, breaches FROM report_days
  WHERE day >= ? AND day < ? AND basis = ?`;

interface Summary {
  slots: [number, number][];
  tallies: [string, number][];
  /** Per cell: risk, operator, then count, running and breached for each stage in TIMER_STAGES order. */
  cells: (string | number | null)[][];
  breachTotal: number;
}

/** A kept breach is six numbers: seq, risk, stage, received, elapsed, target (risk and stage as indexes). */
const BREACH_WIDTH = 6;

const float64Blob = (values: number[]) => Buffer.from(Float64Array.from(values).buffer);
function float64s(blob: Buffer): Float64Array {
  // A copy: the blob's bytes may not start on an 8-byte boundary, which a Float64Array view needs.
  const values = new Float64Array(blob.byteLength / 8);
  new Uint8Array(values.buffer).set(blob);
  return values;
}

function encode(part: ReportPart) {
  const samples: number[] = [];
  const cells = part.cells.map((cell) => [
    cell.risk,
    cell.operator,
    ...TIMER_STAGES.flatMap((stage) => {
      const { times, running, breached } = cell.stages[stage];
      for (let i = 0; i < times.length; i++) samples.push(times[i]!);
      return [times.length, running, breached];
    }),
  ]);
  const breaches: number[] = [];
  for (const b of part.breaches.top)
    breaches.push(
      b.seq,
      RISKS.indexOf(b.risk),
      TIMER_STAGES.indexOf(b.stage),
      b.receivedAtMs,
      b.elapsedMs,
      b.targetMs,
    );
  const summary: Summary = {
    slots: [...part.slots],
    tallies: [...part.tallies],
    cells,
    breachTotal: part.breaches.total,
  };
  return {
    summary: JSON.stringify(summary),
    subjects: Array.from(part.subjects.hashes, (_, i) => part.subjects.keyAt(i)).join(SUBJECT_SEP),
    subjectHashes: Buffer.from(
      part.subjects.hashes.buffer,
      part.subjects.hashes.byteOffset,
      part.subjects.hashes.byteLength,
    ),
    times: float64Blob(samples),
    breaches: float64Blob(breaches),
  };
}

/** A kept part's breaches, made one at a time: a report takes them only while they make its list. */
function* breachesOf(values: Float64Array): Iterable<Breach> {
  for (let i = 0; i < values.length; i += BREACH_WIDTH)
    yield {
      seq: values[i]!,
      risk: RISKS[values[i + 1]!]!,
      stage: TIMER_STAGES[values[i + 2]!]!,
      receivedAtMs: values[i + 3]!,
      elapsedMs: values[i + 4]!,
      targetMs: values[i + 5]!,
      running: false,
    };
}

type KeptRow = [
  day: number,
  shiftKey: string,
  summary: string,
  subjects: string,
  subjectHashes: Buffer,
  times: Buffer,
  breaches: Buffer,
];

function uint32s(blob: Buffer): Uint32Array {
  // A copy, as float64s(): a view needs its bytes on a 4-byte boundary.
  const values = new Uint32Array(blob.byteLength / 4);
  new Uint8Array(values.buffer).set(blob);
  return values;
}

function decode([, shiftKey, summaryJson, subjects, subjectHashes, times, breaches]: KeptRow): ReportPart {
  const summary = JSON.parse(summaryJson) as Summary;
  const samples = float64s(times);
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
    subjects: subjectsInText(subjects, SUBJECT_SEP, uint32s(subjectHashes)),
    cells,
    breaches: { total: summary.breachTotal, top: breachesOf(float64s(breaches)) },
  };
}

const EMPTY_PART: ReportPart = {
  slots: new Map(),
  tallies: new Map(),
  subjects: subjectsOf([]),
  cells: [],
  breaches: { total: 0, top: [] },
};

/**
 * Makes the parts of these days, every shift of the schedule (an empty part included), and keeps
 * them. Keeping is only a saving: if the write fails (a full disk), the parts made are still whole
 * and the report goes on; the next report or warm() tries again.
 */
function make(db: SqliteDatabase, days: readonly number[], schedule: readonly Shift[], basis: string) {
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
  const keep = db.prepare(
    `INSERT OR REPLACE INTO report_days (day, shift_key, basis, summary_json, subjects, subject_hashes, times, breaches)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    db.transaction(() => {
      db.prepare('DELETE FROM report_days WHERE basis <> ?').run(basis);
      for (const [id, part] of made) {
        const { summary, subjects, subjectHashes, times, breaches } = encode(part);
        keep.run(
          Number(id.slice(0, id.indexOf(':'))),
          id.slice(id.indexOf(':') + 1),
          basis,
          summary,
          subjects,
          subjectHashes,
          times,
          breaches,
        );
      }
    })();
  } catch {
    // Not kept (see above); nothing else is lost.
  }
  return made;
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
  const rows = db
    .prepare<[number, number, string], KeptRow>(KEPT_PARTS_SQL)
    .raw(true)
    .iterate(fromDay, toDay, basis);
  for (const row of rows) if (shiftKeys.includes(row[1])) parts.set(`${row[0]}:${row[1]}`, decode(row));
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
