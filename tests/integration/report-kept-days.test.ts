// The report's kept days (report-day-cache.ts) are only a faster way to the same figures: for random
// rooms (flags at any stage, open or closed, withdrawn, repeat accounts, training flags) and random
// ranges and shifts, the report made from kept parts equals the one read wholly live — the first
// time (parts made), the second (parts read back) and after flags change (parts dropped by the
// triggers). Also: what is kept, what drops it, and the plans of the queries.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  closeFlag,
  confirmDispatch,
  dispatchFlag,
} from '../../electron/main/core/store/sqlite/dispatch-queries';
import {
  istDay,
  KEPT_BREACHES_SQL,
  KEPT_PARTS_SQL,
  OLDEST_LIVE_SQL,
  warm,
  warmRecent,
} from '../../electron/main/core/store/sqlite/report-day-cache';
import { report } from '../../electron/main/core/store/sqlite/report-queries';
import {
  NUMBER_SUBJECTS_SQL,
  SETTLED_ROWS_SQL,
  UNSETTLED_ROWS_SQL,
} from '../../electron/main/core/store/sqlite/report-rows';
import type { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { RISKS } from '../../shared/domain';
import { DEFAULT_SCHEDULE, parseScheduleText } from '../../shared/shifts/schedule';
import { makeFlag } from '../helpers/flags';
import { closedAfterEach, openTempStore, pageInput } from '../helpers/temp-store';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const T0 = Date.parse('2026-11-23T00:00:00+05:30'); // Monday 00:00 IST
const SPAN_DAYS = 4;
const NOW = T0 + (SPAN_DAYS + 1) * DAY;
const context = { schedule: DEFAULT_SCHEDULE, nowMs: NOW };
const opened = closedAfterEach();
/** Each flag row's subject number, looked up by its key (report-rows.ts). */
const SUBJECT_NUMBER_PLAN = 'CORRELATED SCALAR SUBQUERY 1; SEARCH s USING PRIMARY KEY (subject_key=?)';

interface FlagPlan {
  atMin: number;
  risk: (typeof RISKS)[number];
  district: 'Kota' | 'Ajmer' | null;
  platform: 'instagram' | 'youtube';
  subject: number | null;
  training: boolean;
  /** 0 new, 1 acknowledged, 2 dispatched, 3 confirmed, 4 closed after all, 5 false positive. */
  stages: number;
  /** Minutes between stages: some within their targets, some far past. */
  stepMin: number;
  withdrawn: boolean;
}

const flagPlan: fc.Arbitrary<FlagPlan> = fc.record({
  // Anywhere in the span, or in day 1's morning shift: one part then holds many cells.
  atMin: fc.oneof(
    fc.integer({ min: 0, max: SPAN_DAYS * 24 * 60 - 1 }),
    fc.integer({ min: 1440 + 6 * 60, max: 1440 + 14 * 60 - 1 }),
  ),
  risk: fc.constantFrom(...RISKS),
  district: fc.constantFrom('Kota' as const, 'Ajmer' as const, null),
  platform: fc.constantFrom('instagram' as const, 'youtube' as const),
  subject: fc.option(fc.integer({ min: 1, max: 4 })),
  training: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  stages: fc.integer({ min: 0, max: 5 }),
  stepMin: fc.integer({ min: 0, max: 90 }),
  withdrawn: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

const LATE: FlagPlan = {
  atMin: 0,
  risk: 'imminent',
  district: 'Kota',
  platform: 'instagram',
  subject: 1,
  training: false,
  stages: 0,
  stepMin: 0,
  withdrawn: false,
};

/** A range anywhere over the span: whole days, or from and to at any minute. */
const rangePlan = fc.record({
  fromMin: fc.integer({ min: 0, max: SPAN_DAYS * 24 * 60 }),
  lengthMin: fc.integer({ min: 1, max: (SPAN_DAYS + 1) * 24 * 60 }),
  wholeDays: fc.boolean(),
  shiftKey: fc.option(fc.constantFrom(...DEFAULT_SCHEDULE.map((s) => s.key))),
});

function receive(sync: SqliteStore, id: string, plan: FlagPlan, revision = 1) {
  const at = T0 + plan.atMin * MIN;
  const flag = makeFlag({
    id,
    revision,
    status: revision > 1 ? 'withdrawn' : 'active',
    risk: plan.risk,
    platform: plan.platform,
    location: plan.district ? { district: plan.district, source: 'profile' } : { source: 'none' },
    ...(plan.subject === null ? {} : { subject: { account_id: `1784140077${plan.subject}` } }),
  });
  sync.commitPage({
    ...pageInput([flag], `c_${id}_${revision}`, revision > 1 ? at + 1 : at),
    training: plan.training,
  });
}

function progress(sync: SqliteStore, id: string, plan: FlagPlan) {
  const db = sync.database;
  let at = T0 + plan.atMin * MIN;
  const next = () => (at += plan.stepMin * MIN + 7_000);
  if (plan.stages >= 1) sync.acknowledge(id, `Op ${plan.subject ?? 0}`, next());
  if (plan.stages === 5)
    closeFlag(
      db,
      id,
      'Op',
      { outcome: 'false_positive', reason: 'no unit was needed (test set-up)' },
      next(),
      [],
    );
  if (plan.stages >= 2 && plan.stages <= 4)
    dispatchFlag(
      db,
      id,
      'Op',
      { unitKey: 'kota-city', reason: 't', called: 'SHO Test', means: 'phone' },
      next(),
    );
  if (plan.stages >= 3 && plan.stages <= 4) confirmDispatch(db, id, 'Op', 'SI Test', next());
  if (plan.stages === 4) closeFlag(db, id, 'Op', { outcome: 'contacted' }, next(), []);
}

function room(plans: readonly FlagPlan[]) {
  const { sync } = openTempStore();
  opened.push(sync);
  plans.forEach((plan, i) => {
    receive(sync, `f${i}`, plan);
    progress(sync, `f${i}`, plan);
    if (plan.withdrawn) receive(sync, `f${i}`, plan, 2);
  });
  return sync;
}

type RangePlan = typeof rangePlan extends fc.Arbitrary<infer T> ? T : never;

function rangeOf(plan: RangePlan) {
  const fromMs = plan.wholeDays ? T0 + Math.floor(plan.fromMin / 1440) * DAY : T0 + plan.fromMin * MIN;
  const toMs = plan.wholeDays
    ? fromMs + Math.ceil(plan.lengthMin / 1440) * DAY
    : fromMs + plan.lengthMin * MIN;
  return { fromMs, toMs, ...(plan.shiftKey === null ? {} : { shiftKey: plan.shiftKey }) };
}

const live = (sync: SqliteStore, range: ReturnType<typeof rangeOf>, ctx = context) =>
  report(sync.database, range, ctx, { keptDays: false });
const kept = (sync: SqliteStore, range: ReturnType<typeof rangeOf>, ctx = context) =>
  report(sync.database, range, ctx);

describe('report: kept days', () => {
  it('give the same report as reading every flag live, made, read back and after changes', () => {
    fc.assert(
      fc.property(
        fc.array(flagPlan, { minLength: 0, maxLength: 24 }),
        fc.array(rangePlan, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 23 }),
        (plans, ranges, changed) => {
          const sync = room(plans);
          for (const range of ranges.map(rangeOf)) {
            expect(kept(sync, range)).toEqual(live(sync, range));
            expect(kept(sync, range)).toEqual(live(sync, range));
          }
          // One flag moves on (or is withdrawn, or a new one arrives): its day's parts must go.
          const plan = plans[changed];
          if (plan && plan.stages === 0) sync.acknowledge(`f${changed}`, 'Op Late', NOW - MIN);
          else if (plan && plan.stages === 1)
            closeFlag(
              sync.database,
              `f${changed}`,
              'Op',
              { outcome: 'duplicate', reason: 'no unit was needed (test set-up)' },
              NOW - MIN,
              [],
            );
          else if (plan && !plan.withdrawn) receive(sync, `f${changed}`, plan, 2);
          else receive(sync, 'late', { ...LATE, atMin: changed * 60 });
          for (const range of ranges.map(rangeOf)) expect(kept(sync, range)).toEqual(live(sync, range));
        },
      ),
      { numRuns: 80 },
    );
    // 80 encrypted stores made and reported on: pure CPU, about 6 s alone and four times that with
    // both cores busy. The limit is room for a busy machine, not a wait on anything.
  }, 120_000);
});

describe('report: what is kept and what drops it', () => {
  const plan = (over: Partial<FlagPlan>): FlagPlan => ({ ...LATE, ...over });
  const keptDays = (sync: SqliteStore) =>
    (
      sync.database.prepare('SELECT DISTINCT day FROM report_days ORDER BY day').all() as { day: number }[]
    ).map((r) => r.day - istDay(T0));
  const WHOLE = { fromMs: T0, toMs: T0 + SPAN_DAYS * DAY };

  /** Four days, each with one closed flag (received at 10:00) and, on day 1, one still open. */
  function fourDays() {
    const plans = [0, 1, 2, 3].map((d) => plan({ atMin: d * 1440 + 600, stages: 4, stepMin: 3, subject: d }));
    plans.push(plan({ atMin: 1440 + 700, stages: 0 }));
    return room(plans);
  }

  it('keeps every shift of each day wholly in the range, and never the partial days at its ends', () => {
    const sync = fourDays();
    kept(sync, { fromMs: T0 + 5 * H, toMs: T0 + 3 * DAY + H });
    expect(keptDays(sync)).toEqual([1, 2]);
    const rows = sync.database
      .prepare('SELECT day, shift_key FROM report_days ORDER BY day, shift_key')
      .all();
    expect(rows).toHaveLength(2 * DEFAULT_SCHEDULE.length);
  });

  it('drops only the day of a closed flag added, changed or deleted, or of a flag closed; never for an open one', () => {
    const sync = fourDays();
    const again = () => {
      kept(sync, WHOLE);
      expect(keptDays(sync)).toEqual([0, 1, 2, 3]);
    };
    again();
    // Kept days hold closed flags only: an open flag arriving or moving on changes none of them.
    receive(sync, 'new', plan({ atMin: 2 * 1440 + 5 }));
    sync.acknowledge('f4', 'Op Late', NOW - H);
    expect(keptDays(sync)).toEqual([0, 1, 2, 3]);
    expect(kept(sync, WHOLE)).toEqual(live(sync, WHOLE));
    closeFlag(
      sync.database,
      'f4',
      'Op',
      { outcome: 'duplicate', reason: 'no unit was needed (test set-up)' },
      NOW - MIN,
      [],
    ); // day 1's open flag closes
    expect(keptDays(sync)).toEqual([0, 2, 3]);
    again();
    receive(sync, 'f3', plan({ atMin: 3 * 1440 + 600 }), 2); // the platform withdraws day 3's closed flag
    expect(keptDays(sync)).toEqual([0, 1, 2]);
    again();
    // Retention erases the subject of day 0's flag (its repeat no longer counts).
    sync.database.prepare('UPDATE flags SET subject_key = NULL WHERE id = ?').run('f0');
    expect(keptDays(sync)).toEqual([1, 2, 3]);
    again();
    sync.database.pragma('foreign_keys = OFF');
    sync.database.prepare('DELETE FROM flags WHERE id = ?').run('f2');
    // A closed flag written as a whole (a copy of day 1's, as a restore would write it).
    sync.database.exec(`CREATE TEMP TABLE copy AS SELECT * FROM flags WHERE id = 'f1';
      UPDATE copy SET seq = NULL, id = 'f1-copy'; INSERT INTO flags SELECT * FROM copy; DROP TABLE copy;`);
    sync.database.pragma('foreign_keys = ON');
    expect(keptDays(sync)).toEqual([0, 3]);
    again();
    // A column no report reads (the follow-up's due time) leaves the day kept.
    sync.database.prepare('UPDATE flags SET follow_up_due_at_ms = 1 WHERE id = ?').run('f1');
    expect(keptDays(sync)).toEqual([0, 1, 2, 3]);
    expect(kept(sync, WHOLE)).toEqual(live(sync, WHOLE));
    // Each kept part has its breach list, and no list outlives its part (those left while foreign
    // keys were off above were replaced when their days were made again).
    const ids = (table: string) =>
      sync.database.prepare(`SELECT day, shift_key FROM ${table} ORDER BY 1, 2`).all();
    expect(ids('report_day_breaches')).toEqual(ids('report_days'));
    sync.database.prepare('UPDATE flags SET subject_key = NULL WHERE id = ?').run('f3');
    expect(ids('report_day_breaches')).toEqual(ids('report_days'));
    expect(keptDays(sync)).toEqual([0, 1, 2]);
  });

  it('reads the breach list only of the parts whose worst breach can make the report', () => {
    // Day 2's morning: 250 flags acknowledged 200 minutes late. Every other day's are a few minutes
    // late: the report's 200 worst are all day 2's, and no other day's list is read.
    const late = Array.from({ length: 250 }, (_, i) =>
      plan({ atMin: 2 * 1440 + 420 + i, stages: 5, stepMin: 200, subject: null }),
    );
    const onTime = [0, 1, 3].map((d) => plan({ atMin: d * 1440 + 420, stages: 5, stepMin: 4 }));
    const sync = room([...late, ...onTime]);
    expect(kept(sync, WHOLE)).toEqual(live(sync, WHOLE)); // makes the parts
    const prepare = sync.database.prepare.bind(sync.database);
    const listsRead: unknown[][] = [];
    vi.spyOn(sync.database, 'prepare').mockImplementation(((sql: string) => {
      const statement = prepare(sql);
      if (sql !== KEPT_BREACHES_SQL) return statement;
      const get = statement.get.bind(statement);
      return Object.assign(statement, {
        get: (...args: unknown[]) => (listsRead.push(args), get(...args)),
      });
    }) as typeof sync.database.prepare);
    const report = kept(sync, WHOLE);
    expect(listsRead).toEqual([[istDay(T0) + 2, 'morning']]);
    expect(report.response.breaches.total).toBeGreaterThan(500);
    expect(report.response.breaches.items).toHaveLength(200);
    expect(report).toEqual(live(sync, WHOLE));
  });

  it('numbers keys of any form, keeps durations of 50 days as doubles, and reads them back the same', () => {
    const sync = fourDays();
    // Neither is what the console writes: a key edited by hand, a flag closed 60 days after it came.
    sync.database.prepare("UPDATE flags SET subject_key = 'edited by hand' WHERE id = 'f1'").run();
    sync.database
      .prepare("UPDATE flags SET closed_at_ms = received_at_ms + 60 * 86400000 WHERE id = 'f2'")
      .run();
    expect(kept(sync, WHOLE)).toEqual(live(sync, WHOLE));
    const forms = sync.database
      .prepare(
        `SELECT day, length(subjects) AS bytes, summary_json ->> '$.timeBytes' AS timeBytes
          FROM report_days WHERE shift_key = 'morning' ORDER BY day`,
      )
      .all();
    const day = istDay(T0);
    expect(forms).toEqual([
      { day, bytes: 4, timeBytes: 4 },
      { day: day + 1, bytes: 4, timeBytes: 4 },
      { day: day + 2, bytes: 4, timeBytes: 8 },
      { day: day + 3, bytes: 4, timeBytes: 4 },
    ]);
    expect(
      sync.database
        .prepare("SELECT count(*) FROM report_subjects WHERE subject_key = 'edited by hand'")
        .pluck()
        .get(),
    ).toBe(1);
    expect(kept(sync, WHOLE)).toEqual(live(sync, WHOLE)); // read back
  });

  it('numbers a key while some flag has it, and never gives its number to another', () => {
    // Days 0 and 1 hold one account's two flags (a repeat); day 2 another account's.
    const sync = room([
      plan({ atMin: 600, stages: 4, stepMin: 3, subject: 1 }),
      plan({ atMin: 1440 + 600, stages: 4, stepMin: 3, subject: 1 }),
      plan({ atMin: 2 * 1440 + 600, stages: 4, stepMin: 3, subject: 2 }),
    ]);
    const numbers = () =>
      sync.database.prepare('SELECT id, subject_key FROM report_subjects ORDER BY id').all() as {
        id: number;
        subject_key: string;
      }[];
    const keyOf = (id: string) =>
      sync.database.prepare('SELECT subject_key FROM flags WHERE id = ?').pluck().get(id) as string;
    const [first, second] = [keyOf('f0'), keyOf('f2')];
    expect(numbers()).toEqual([]); // nothing kept yet
    expect(kept(sync, WHOLE).repeats).toEqual({ subjects: 1, flags: 2 });
    expect(
      numbers()
        .map((n) => n.subject_key)
        .sort(),
    ).toEqual([first, second].sort());
    const erase = (id: string) =>
      sync.database.prepare('UPDATE flags SET subject_key = NULL WHERE id = ?').run(id);
    // Retention erases the first flag's key: the second still has it, so its number stays.
    erase('f0');
    expect(numbers().map((n) => n.subject_key)).toContain(first);
    expect(kept(sync, WHOLE)).toEqual(live(sync, WHOLE));
    expect(kept(sync, WHOLE).repeats).toEqual({ subjects: 0, flags: 0 });
    // And the second's: no flag has the key any more, and neither has report_subjects.
    erase('f1');
    expect(numbers().map((n) => n.subject_key)).toEqual([second]);
    // A flag deleted takes its key's number with it too.
    const secondId = numbers()[0]!.id;
    sync.database.pragma('foreign_keys = OFF');
    sync.database.prepare("DELETE FROM flags WHERE id = 'f2'").run();
    sync.database.pragma('foreign_keys = ON');
    expect(numbers()).toEqual([]);
    // The same account flagged again gets a new number, never one given before.
    const again = plan({ atMin: 3 * 1440 + 600, stages: 4, stepMin: 3, subject: 2 });
    receive(sync, 'again', again);
    progress(sync, 'again', again);
    expect(kept(sync, WHOLE)).toEqual(live(sync, WHOLE));
    expect(numbers()).toHaveLength(1);
    expect(numbers()[0]!.subject_key).toBe(second);
    expect(numbers()[0]!.id).toBeGreaterThan(secondId);
  });

  it('gives the same report when a day cannot be kept (a full disk), and keeps no number of it', () => {
    const sync = fourDays();
    sync.database.exec(`CREATE TEMP TRIGGER full_disk BEFORE INSERT ON report_days
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    expect(kept(sync, WHOLE)).toEqual(live(sync, WHOLE));
    expect(keptDays(sync)).toEqual([]);
    expect(sync.database.prepare('SELECT count(*) FROM report_subjects').pluck().get()).toBe(0);
    sync.database.exec('DROP TRIGGER full_disk');
    expect(kept(sync, WHOLE)).toEqual(live(sync, WHOLE));
    expect(keptDays(sync)).toEqual([0, 1, 2, 3]);
  });

  it('keeps no day that is not over yet, and lists the worst breaches exactly past the cap', () => {
    // 300 flags over three days, each acknowledged later than the one before: 300 breaches, the
    // worst on the last day, kept and live alike cut to the same 200.
    const plans = Array.from({ length: 300 }, (_, i) =>
      plan({ atMin: i * 14, risk: 'imminent', stages: 5, stepMin: 3 + (i % 50), subject: null }),
    );
    const sync = room(plans);
    const range = { fromMs: T0, toMs: T0 + 7 * DAY }; // runs two days past NOW
    expect(kept(sync, range)).toEqual(live(sync, range));
    expect(kept(sync, range).response.breaches.total).toBeGreaterThan(200);
    expect(keptDays(sync)).toEqual([0, 1, 2, 3, 4]); // NOW is in day 5
  });

  it('keeps a day in the format its FORMAT number names (change one, raise the other)', () => {
    // What a kept day holds, for one closed flag: if this changes, parts kept by the older code no
    // longer read the same, and FORMAT in report-day-cache.ts must be raised so they are made again.
    const sync = room([plan({ atMin: 600, stages: 4, stepMin: 3, subject: 1 })]);
    kept(sync, { fromMs: T0, toMs: T0 + DAY });
    const row = sync.database
      .prepare(
        `SELECT summary_json, hex(subjects) AS subjects, hex(times) AS times,
          length(breaches) AS breaches FROM report_days JOIN report_day_breaches USING (day, shift_key)
          WHERE shift_key = 'morning'`,
      )
      .get();
    expect(row).toMatchInlineSnapshot(`
      {
        "breaches": 96,
        "subjects": "01000000",
        "summary_json": "{"slots":[[2992347,1]],"tallies":[["flags",1],["risk=imminent",1],["district=kota",1],["platform=instagram",1],["area=kota-city",1],["unit=kota-city",1],["closed",1],["outcome=contacted",1]],"cells":[["imminent","Op 1",1,0,1,1,0,1,1,0,0,1,0,0]],"timeBytes":4,"breachTotal":2,"worstBreach":[1,0,0,1795408200000,187000,60000]}",
        "times": "78DA0200F0B4050078DA0200E0690B00",
      }
    `);
  });

  it('makes the days again for another schedule, and uses none made for the old one', () => {
    const sync = fourDays();
    kept(sync, WHOLE);
    const parsed = parseScheduleText('early=05:00-13:00, late=13:00-21:00, night=21:00-05:00');
    if (!parsed.ok) throw new Error(parsed.error);
    const { schedule } = parsed;
    const other = { schedule, nowMs: NOW };
    expect(kept(sync, WHOLE, other)).toEqual(live(sync, WHOLE, other));
    expect(kept(sync, { ...WHOLE, shiftKey: 'late' }, other)).toEqual(
      live(sync, { ...WHOLE, shiftKey: 'late' }, other),
    );
    const keys = sync.database.prepare('SELECT DISTINCT shift_key FROM report_days ORDER BY 1').pluck().all();
    expect(keys).toEqual(['early', 'late', 'night']);
  });

  it('are made ahead by warm(), newest first and a few at a time, until none is missing', () => {
    const sync = fourDays();
    const [from, to] = [istDay(T0), istDay(T0) + SPAN_DAYS];
    expect(warm(sync.database, from, to, DEFAULT_SCHEDULE, 3)).toBe(3);
    expect(keptDays(sync)).toEqual([1, 2, 3]);
    expect(warm(sync.database, from, to, DEFAULT_SCHEDULE, 3)).toBe(1);
    expect(warm(sync.database, from, to, DEFAULT_SCHEDULE, 3)).toBe(0);
    expect(kept(sync, WHOLE)).toEqual(live(sync, WHOLE));
  });

  it("are made by the store's prepareReports from yesterday back to the oldest live flag, none for an empty store", () => {
    const empty = room([]);
    expect(warm(empty.database, istDay(T0), istDay(NOW), DEFAULT_SCHEDULE, 9)).toBe(5); // warm() as asked
    expect(warmRecent(empty.database, context, 9)).toBe(0);
    const sync = fourDays();
    sync.commitPage({ ...pageInput([makeFlag({ id: 'drill' })], 'c_drill', T0 - 3 * DAY), training: true });
    // Days 0 to 4 (NOW is day 5, not over yet); the training flag three days earlier is no reason to go back.
    expect(warmRecent(sync.database, context, 9)).toBe(5);
    expect(keptDays(sync)).toEqual([0, 1, 2, 3, 4]);
    expect(warmRecent(sync.database, context, 9)).toBe(0);
  });

  it('reads kept days by key, closed flags off the covering index and open ones off theirs', () => {
    const sync = fourDays();
    const plan = (sql: string, ...args: unknown[]) =>
      (sync.database.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
        .map((p) => p.detail)
        .join('; ');
    const params = { fromMs: T0, toMs: NOW, shiftStartMs: 0, shiftLengthMs: DAY };
    expect(plan(UNSETTLED_ROWS_SQL, params)).toBe(
      'SEARCH flags USING INDEX flags_unsettled (training=? AND received_at_ms>? AND received_at_ms<?); ' +
        SUBJECT_NUMBER_PLAN,
    );
    expect(plan(SETTLED_ROWS_SQL, { fromMs: T0, toMs: NOW })).toBe(
      'SEARCH flags USING COVERING INDEX flags_report (training=? AND received_at_ms>? AND received_at_ms<?); ' +
        SUBJECT_NUMBER_PLAN,
    );
    // A day's keys off the covering index, each looked up by its primary key; the counter is one row.
    expect(plan(NUMBER_SUBJECTS_SQL, { fromMs: T0, toMs: NOW })).toBe(
      'CO-ROUTINE (subquery-5); CO-ROUTINE day; ' +
        'SEARCH flags USING COVERING INDEX flags_report (training=? AND received_at_ms>? AND received_at_ms<?); ' +
        'USE TEMP B-TREE FOR DISTINCT; SCAN day; CORRELATED SCALAR SUBQUERY 3; SEARCH s USING PRIMARY KEY (subject_key=?); ' +
        'SCAN (subquery-5); SCALAR SUBQUERY 1; SCAN report_subject_next',
    );
    // What the triggers of migration 15 run when a flag's key is erased: two searches by key.
    expect(
      plan(
        `DELETE FROM report_subjects WHERE subject_key = ?
          AND NOT EXISTS (SELECT 1 FROM flags WHERE subject_key = ?)`,
        'k',
        'k',
      ),
    ).toBe(
      'SEARCH report_subjects USING PRIMARY KEY (subject_key=?); ' +
        'SCALAR SUBQUERY 1; SEARCH flags USING COVERING INDEX flags_by_subject (subject_key=?)',
    );
    expect(plan(OLDEST_LIVE_SQL)).toBe('SEARCH flags USING COVERING INDEX flags_by_received_at (training=?)');
    expect(plan(KEPT_PARTS_SQL, 1, 9, 'basis')).toMatch(
      /^SEARCH report_days USING INDEX sqlite_autoindex_report_days_1 \(day>\? AND day<\?\)$/,
    );
    expect(plan(KEPT_BREACHES_SQL, 1, 'morning')).toBe(
      'SEARCH report_day_breaches USING INDEX sqlite_autoindex_report_day_breaches_1 (day=? AND shift_key=?)',
    );
    // What each trigger runs for every flag written: one search by key, and the breach lists' cascade.
    expect(plan('DELETE FROM report_days WHERE day = CAST((? + 19800000) / 86400000 AS INTEGER)', T0)).toBe(
      'SEARCH report_days USING COVERING INDEX sqlite_autoindex_report_days_1 (day=?); ' +
        'SEARCH report_day_breaches USING COVERING INDEX sqlite_autoindex_report_day_breaches_1 (day=? AND shift_key=?)',
    );
  });
});
