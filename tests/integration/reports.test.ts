// The supervisors' report from a seeded store, checked against values computed by hand; training
// flags mixed in never count. Also: each hot query's plan uses an index, the CSV carries no
// personal field, and only supervisors, auditors and administrators may ask for the report.
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleCore } from '../../electron/main/core/console-core';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import {
  closeFlag,
  confirmDispatch,
  dispatchFlag,
} from '../../electron/main/core/store/sqlite/dispatch-queries';
import { ALARM_EVENTS_SQL, LAST_BEFORE_SQL } from '../../electron/main/core/store/sqlite/report-alarm-load';
import { report } from '../../electron/main/core/store/sqlite/report-queries';
import {
  ARRIVALS_BETWEEN_SQL,
  ROSTER_OPERATORS_SQL,
} from '../../electron/main/core/store/sqlite/report-operator-load';
import { REPORT_ROWS_SQL } from '../../electron/main/core/store/sqlite/report-rows';
import { inProcessStore, type SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import type { Outcome } from '../../shared/dispatch';
import { reportRequestSchema, reportSchema } from '../../shared/report';
import { reportCsv } from '../../shared/report-csv';
import { DEFAULT_SCHEDULE, parseScheduleText } from '../../shared/shifts/schedule';
import { addTestAccount, TEST_PASSWORD } from '../helpers/accounts';
import { CANARY, makeFlag } from '../helpers/flags';
import { openTempStore, pageInput } from '../helpers/temp-store';

const S = 1000;
const MIN = 60_000;
const H = 3_600_000;
const T0 = Date.parse('2026-11-23T00:00:00+05:30'); // Monday 00:00 IST
const TO = T0 + 48 * H; // Wednesday 00:00 IST
const NOW = TO; // running stages are timed to here
const context = { schedule: DEFAULT_SCHEDULE, nowMs: NOW };
const REPEATER = { account_id: '17841400999', display_name: CANARY.name, phone: CANARY.phone };

let sync: SqliteStore;
afterEach(() => sync?.close());

/** One flag received at `at`; training flags come through their own page. */
function receive(id: string, at: number, fields: Record<string, unknown> = {}, training = false) {
  sync.commitPage({ ...pageInput([makeFlag({ id, ...fields })], `c_${id}`, at), training });
}
const dispatch = (id: string, at: number) =>
  dispatchFlag(
    sync.database,
    id,
    'Op',
    { unitKey: 'kota-city', reason: 'test', called: 'SHO Test', means: 'phone' },
    at,
  );
const confirm = (id: string, at: number) => confirmDispatch(sync.database, id, 'Op', 'SI Test', at);
const close = (id: string, outcome: Outcome, at: number) =>
  closeFlag(sync.database, id, 'Op', { outcome, reason: 'no unit was needed (test set-up)' }, at, []);

function seed() {
  ({ sync } = openTempStore());
  const kota = { district: 'Kota', city: 'Kota', source: 'profile' };
  receive('b0', T0 - MIN, { risk: 'high', subject: REPEATER, location: kota }); // before the range
  // a1 imminent, Mon 10:00 (morning): ack 30 s, dispatch 3 min, confirm 10 min, close 2 h.
  receive('a1', T0 + 10 * H, { risk: 'imminent', subject: REPEATER, location: kota });
  sync.acknowledge('a1', 'Op Asha', T0 + 10 * H + 30 * S);
  dispatch('a1', T0 + 10 * H + 3 * MIN);
  confirm('a1', T0 + 10 * H + 10 * MIN);
  close('a1', 'welfare_check_done', T0 + 12 * H);
  // a2 imminent, Mon 10:05, YouTube, Ajmer: late at every stage (3 min, 8 min, 22 min, 5 h).
  const a2 = T0 + 10 * H + 5 * MIN;
  receive('a2', a2, { risk: 'imminent', platform: 'youtube', location: { district: 'Ajmer' } });
  sync.acknowledge('a2', 'Op Asha', a2 + 3 * MIN);
  dispatch('a2', a2 + 8 * MIN);
  confirm('a2', a2 + 30 * MIN);
  close('a2', 'contacted', a2 + 5 * H);
  // a3 high, Mon 15:00 (evening), Jodhpur: ack 60 s, false positive after 20 min, never dispatched.
  receive('a3', T0 + 15 * H, { risk: 'high', location: { district: 'Jodhpur' } });
  sync.acknowledge('a3', 'Op Bela', T0 + 15 * H + 60 * S);
  close('a3', 'false_positive', T0 + 15 * H + 20 * MIN);
  // a4 elevated, Mon 23:00 (night), unplaced: ack 10 min, dispatch 20 min, never confirmed.
  receive('a4', T0 + 23 * H, { risk: 'elevated', location: { source: 'none' } });
  sync.acknowledge('a4', 'Op Bela', T0 + 23 * H + 10 * MIN);
  dispatch('a4', T0 + 23 * H + 20 * MIN);
  // a5 high, Tue 00:30 (night), the repeater again: never acknowledged, withdrawn.
  receive('a5', T0 + 24.5 * H, { risk: 'high', subject: REPEATER, location: kota });
  sync.commitPage(
    pageInput(
      [
        makeFlag({
          id: 'a5',
          revision: 2,
          status: 'withdrawn',
          risk: 'high',
          subject: REPEATER,
          location: kota,
        }),
      ],
      'c_w',
      T0 + 30 * H,
    ),
  );
  // a6 imminent, Tue 08:00 (morning), the repeater a third time: ack 45 s, duplicate after 10 min.
  receive('a6', T0 + 32 * H, { risk: 'imminent', subject: REPEATER, location: kota });
  sync.acknowledge('a6', 'Op Asha', T0 + 32 * H + 45 * S);
  close('a6', 'duplicate', T0 + 32 * H + 10 * MIN);
  // a7 high, Tue 14:00 (evening), Ajmer: ack at the 2-min target exactly, dispatch 9, confirm 12, close 1 h.
  receive('a7', T0 + 38 * H, { risk: 'high', location: { district: 'Ajmer' } });
  sync.acknowledge('a7', 'Op Chand', T0 + 38 * H + 2 * MIN);
  dispatch('a7', T0 + 38 * H + 9 * MIN);
  confirm('a7', T0 + 38 * H + 12 * MIN);
  close('a7', 'counselling_referral', T0 + 38 * H + H);
  receive('b1', TO, { risk: 'imminent' }); // at the range's end: outside
  // Training flags inside the range, one of the repeater, one acknowledged late: none may count.
  receive('t1', T0 + 10 * H, { risk: 'imminent', subject: REPEATER, location: kota }, true);
  receive('t2', T0 + 10 * H + 2 * MIN, { risk: 'elevated', platform: 'snapchat' }, true);
  sync.acknowledge('t1', 'Op Train', T0 + 10 * H + 9 * MIN);
  sync.appendAlarmLog([
    { atMs: T0 - 5 * H, kind: 'feed_alarm_start', actor: null, detail: { feedState: 'down' } },
    { atMs: T0 - 4 * H, kind: 'feed_alarm_end', actor: null, detail: {} },
    { atMs: T0 - H, kind: 'silence', actor: 'Op Asha', detail: { reason: 'before the range', minutes: 5 } },
    { atMs: T0 - 30 * MIN, kind: 'flood_start', actor: null, detail: {} },
    { atMs: T0 + 30 * MIN, kind: 'flood_end', actor: null, detail: {} },
    { atMs: T0 + 10.5 * H, kind: 'feed_alarm_start', actor: null, detail: { feedState: 'down' } },
    {
      atMs: T0 + 10.5 * H + MIN,
      kind: 'silence',
      actor: 'Op Asha',
      detail: { reason: 'known feed outage', minutes: 5 },
    },
    { atMs: T0 + 11 * H, kind: 'feed_alarm_end', actor: null, detail: {} },
    {
      atMs: T0 + 23 * H + 5 * MIN,
      kind: 'silence',
      actor: 'Op Bela',
      detail: { reason: 'drill in progress', minutes: 10 },
    },
    { atMs: T0 + 23 * H + 6 * MIN, kind: 'escalated', actor: null, detail: { flagId: 'a4' } },
    { atMs: T0 + 47 * H, kind: 'flood_start', actor: null, detail: {} }, // still on at the end
    { atMs: T0 + 47.5 * H, kind: 'feed_alarm_start', actor: null, detail: { feedState: 'silent' } },
    { atMs: TO + 30 * MIN, kind: 'feed_alarm_end', actor: null, detail: {} },
  ]);
  // Rosters: Monday's morning had two operators, Monday's and Tuesday's nights one each; Monday's
  // evening only its supervisor (nobody to divide by); the other shifts were never entered.
  const desk = (d: string, operator: string, supervisor = false) => ({ desk: d, operator, supervisor });
  sync.setRoster('2026-11-23:morning', [
    desk('S', 'Sup Ria', true),
    desk('D1', 'Op Asha'),
    desk('D2', 'Op Chand'),
  ]);
  sync.setRoster('2026-11-23:evening', [desk('S', 'Sup Ria', true)]);
  sync.setRoster('2026-11-23:night', [desk('S', 'Sup Ria', true), desk('D1', 'Op Bela')]);
  sync.setRoster('2026-11-24:night', [desk('D1', 'Op Bela'), desk('S', 'Sup Ria', true)]);
}
const caseOf = (id: string) => sync.getFlagDetail(id)!.caseNo;
const stage = (
  count: number,
  medianMs: number | null,
  p90Ms: number | null,
  running: number,
  breached: number,
  targetMs: number | null = null,
) => ({ count, medianMs, p90Ms, running, breached, targetMs });

describe('report: counts', () => {
  it('counts live flags received in the range by time, risk, district, platform, repeat and outcome', () => {
    seed();
    const r = syncReport();
    expect(r.totals).toEqual({
      flags: 7,
      withdrawn: 1,
      withdrawnRate: 1 / 7,
      closed: 5,
      falsePositives: 1,
      falsePositiveRate: 1 / 5,
    });
    expect(r.byRisk).toEqual({ imminent: 3, high: 3, elevated: 1 });
    expect(r.byDistrict).toEqual([
      { key: 'kota', count: 3 },
      { key: 'ajmer', count: 2 },
      { key: 'jodhpur', count: 1 },
      { key: null, count: 1 },
    ]);
    expect(r.byArea).toEqual([
      { key: 'kota-city', count: 3 },
      { key: 'ajmer', count: 2 },
      { key: 'jodhpur', count: 1 },
      { key: 'unplaced', count: 1 },
    ]);
    expect(r.byPlatform).toEqual([
      { key: 'instagram', count: 6 },
      { key: 'youtube', count: 1 },
    ]);
    expect(r.repeats).toEqual({ subjects: 1, flags: 3 }); // a1, a5, a6; not b0 (before), not t1 (training)
    expect(r.outcomes).toEqual({
      contacted: 1,
      welfare_check_done: 1,
      counselling_referral: 1,
      hospitalised: 0,
      false_positive: 1,
      duplicate: 1,
      could_not_locate: 0,
    });
  });

  it('buckets arrivals per IST hour and day, and by hour of the weekday', () => {
    seed();
    const { timeline } = syncReport();
    expect(timeline.hourly.counts).toHaveLength(48);
    expect(timeline.hourly.startMs).toBe(T0);
    const busy = Object.fromEntries(timeline.hourly.counts.flatMap((n, i) => (n ? [[i, n]] : [])));
    expect(busy).toEqual({ 10: 2, 15: 1, 23: 1, 24: 1, 32: 1, 38: 1 });
    expect(timeline.daily).toEqual([
      { date: '2026-11-23', startMs: T0, count: 4 },
      { date: '2026-11-24', startMs: T0 + 24 * H, count: 3 },
    ]);
    const cells = timeline.hourByWeekday.flatMap((hours, day) =>
      hours.flatMap((n, h) => (n ? [`${day}:${h}=${n}`] : [])),
    );
    expect(cells).toEqual(['0:10=2', '0:15=1', '0:23=1', '1:0=1', '1:8=1', '1:14=1']);
  });
});

describe('report: response', () => {
  it('gives median and p90 per risk against the targets, and every breach worst first', () => {
    seed();
    const { response } = syncReport();
    expect(response.byRisk.imminent).toEqual({
      acknowledge: stage(3, 45 * S, 3 * MIN, 0, 1, 1 * MIN), // 30 s, 45 s, 3 min
      dispatch: stage(2, 5.5 * MIN, 8 * MIN, 0, 1, 5 * MIN), // 3, 8 min; a6 closed without one
      confirm: stage(2, 14.5 * MIN, 22 * MIN, 0, 1, 15 * MIN), // 7, 22 min
      close: stage(3, 2 * H, 5 * H, 0, 1, 4 * H), // 10 min, 2 h, 5 h
    });
    expect(response.byRisk.high).toEqual({
      acknowledge: stage(2, 90 * S, 2 * MIN, 1, 2, 2 * MIN), // 60 s, 2 min (= target); a5 running
      dispatch: stage(1, 9 * MIN, 9 * MIN, 1, 1, 10 * MIN), // a7; a5 running; a3 closed without
      confirm: stage(1, 3 * MIN, 3 * MIN, 0, 0, 15 * MIN),
      close: stage(2, 40 * MIN, H, 1, 1, 8 * H), // 20 min, 1 h; a5 running 23.5 h
    });
    expect(response.byRisk.elevated).toEqual({
      acknowledge: stage(1, 10 * MIN, 10 * MIN, 0, 1, 5 * MIN),
      dispatch: stage(1, 20 * MIN, 20 * MIN, 0, 0, 30 * MIN),
      confirm: stage(0, null, null, 1, 1, 15 * MIN), // running 24 h 40 min
      close: stage(0, null, null, 1, 1, 24 * H), // running 25 h
    });
    const b = (id: string, s: string, elapsedMs: number, targetMs: number, running = false) => ({
      caseNo: caseOf(id),
      stage: s,
      elapsedMs,
      targetMs,
      running,
    });
    const [a2, a4] = [caseOf('a2'), caseOf('a4')];
    expect(a2 < a4).toBe(true); // the 1-hour tie below is broken by case number
    expect(response.breaches.total).toBe(11);
    expect(
      response.breaches.items.map(({ caseNo, stage: s, elapsedMs, targetMs, running }) => ({
        caseNo,
        stage: s,
        elapsedMs,
        targetMs,
        running,
      })),
    ).toEqual([
      b('a4', 'confirm', 24 * H + 40 * MIN, 15 * MIN, true),
      b('a5', 'acknowledge', 23.5 * H, 2 * MIN, true),
      b('a5', 'dispatch', 23.5 * H, 10 * MIN, true),
      b('a5', 'close', 23.5 * H, 8 * H, true),
      b('a2', 'close', 5 * H, 4 * H),
      b('a4', 'close', 25 * H, 24 * H, true),
      b('a2', 'confirm', 22 * MIN, 15 * MIN),
      b('a4', 'acknowledge', 10 * MIN, 5 * MIN),
      b('a2', 'dispatch', 8 * MIN, 5 * MIN),
      b('a2', 'acknowledge', 3 * MIN, 1 * MIN),
      b('a7', 'acknowledge', 2 * MIN, 2 * MIN),
    ]);
  });

  it('groups the same times by shift and by the operator who acknowledged', () => {
    seed();
    const { response } = syncReport();
    expect(response.byShift.map((s) => s.shiftKey)).toEqual(['morning', 'evening', 'night']);
    const [morning, evening, night] = response.byShift.map((s) => s.stages);
    expect(morning!.acknowledge).toEqual(stage(3, 45 * S, 3 * MIN, 0, 1)); // a1, a2, a6
    expect(evening!.acknowledge).toEqual(stage(2, 90 * S, 2 * MIN, 0, 1)); // a3, a7
    expect(night!.acknowledge).toEqual(stage(1, 10 * MIN, 10 * MIN, 1, 2)); // a4; a5 running
    expect(night!.close).toEqual(stage(0, null, null, 2, 2));
    expect(response.byOperator.map((o) => [o.operator, o.stages.acknowledge.count])).toEqual([
      ['Op Asha', 3],
      ['Op Bela', 2],
      ['Op Chand', 1],
    ]); // not Op Train (training), not a5 (nobody acknowledged it)
    expect(response.byOperator[1]!.stages.acknowledge).toEqual(stage(2, 5.5 * MIN, 10 * MIN, 0, 1)); // 60 s, 10 min
  });
});

const shiftLoad = (
  shiftId: string,
  startMs: number,
  windowMs: number,
  operators: number,
  alarms: number,
  per10Min: number | null,
) => ({
  shiftId,
  shiftKey: shiftId.slice(11),
  startMs,
  fromMs: Math.max(startMs, T0), // the range starts at T0: the first shift is cut there
  windowMs,
  operators,
  alarms,
  per10Min,
});

describe('report: alarm load', () => {
  it('counts alarms per 10 minutes, flood time, silences with reasons and feed outages', () => {
    seed();
    const { alarmLoad } = syncReport();
    expect(alarmLoad).toEqual({
      windowMs: 48 * H,
      alarms: 9, // 7 flags + 2 feed alarms
      feedAlarms: 2,
      per10Min: 9 / 288,
      peak10Min: { startMs: T0 + 10 * H, count: 2 }, // a1 and a2
      floodMs: 90 * MIN, // 30 min carried in, 60 min still on at the end
      floodShare: 90 / (48 * 60),
      silences: {
        count: 2,
        items: [
          { atMs: T0 + 10.5 * H + MIN, by: 'Op Asha', reason: 'known feed outage', minutes: 5 },
          { atMs: T0 + 23 * H + 5 * MIN, by: 'Op Bela', reason: 'drill in progress', minutes: 10 },
        ],
      },
      perOperator: {
        // 3/2 + 2/1 + 1/1 alarms per operator over 18 rostered hours (108 slots of 10 minutes).
        per10Min: 4.5 / 108,
        rosteredMs: 18 * H,
        shifts: [
          shiftLoad('2026-11-22:night', T0 - 2 * H, 6 * H, 0, 0, null), // Sunday's night from Monday 00:00
          shiftLoad('2026-11-23:morning', T0 + 6 * H, 8 * H, 2, 3, 1.5 / 48), // a1, a2, feed alarm
          shiftLoad('2026-11-23:evening', T0 + 14 * H, 8 * H, 0, 1, null), // a3; only the supervisor
          shiftLoad('2026-11-23:night', T0 + 22 * H, 8 * H, 1, 2, 2 / 48), // a4, a5
          shiftLoad('2026-11-24:morning', T0 + 30 * H, 8 * H, 0, 1, null), // a6
          shiftLoad('2026-11-24:evening', T0 + 38 * H, 8 * H, 0, 1, null), // a7
          shiftLoad('2026-11-24:night', T0 + 46 * H, 2 * H, 1, 1, 1 / 12), // the feed alarm, to Wed 00:00
        ],
      },
      // Monday's morning had the most alarms (a1, a2 and a feed alarm) and no flood.
      worstShift: {
        shiftId: '2026-11-23:morning',
        startMs: T0 + 6 * H,
        windowMs: 8 * H,
        alarms: 3,
        per10Min: 3 / 48,
        floodMs: 0,
        floodShare: 0,
      },
      feed: {
        uptimeShare: 1 - 60 / (48 * 60),
        outageMs: 60 * MIN,
        outages: [
          { startMs: T0 + 10.5 * H, endMs: T0 + 11 * H, lengthMs: 30 * MIN, state: 'down' },
          { startMs: T0 + 47.5 * H, endMs: TO + 30 * MIN, lengthMs: H, state: 'silent' },
        ],
      },
    });
  });

  it('names the worst shift and the peak beside the mean, so a flood is not averaged away', () => {
    seed();
    // A 40-minute flood within Monday's morning (with the flood of Sunday's night carried in).
    sync.appendAlarmLog([
      { atMs: T0 + 12 * H, kind: 'flood_start', actor: null, detail: {} },
      { atMs: T0 + 12 * H + 40 * MIN, kind: 'flood_end', actor: null, detail: {} },
    ]);
    const { alarmLoad } = syncReport();
    // The mean over two days reads as a quiet room …
    expect(alarmLoad.per10Min).toBeCloseTo(9 / 288);
    expect(alarmLoad.floodShare).toBeCloseTo(130 / (48 * 60));
    // … the peak and the worst shift do not.
    expect(alarmLoad.peak10Min).toEqual({ startMs: T0 + 10 * H, count: 2 });
    expect(alarmLoad.worstShift).toEqual({
      shiftId: '2026-11-23:morning',
      startMs: T0 + 6 * H,
      windowMs: 8 * H,
      alarms: 3,
      per10Min: 3 / 48,
      floodMs: 40 * MIN,
      floodShare: 40 / 480,
    });
    // Within the night shifts only, by count: Monday's night (a4, a5) over Tuesday's (a feed alarm in a flood).
    expect(syncReport('night').alarmLoad.worstShift).toMatchObject({
      shiftId: '2026-11-23:night',
      alarms: 2,
      floodMs: 0,
    });
  });

  it('agrees with the alarm KPIs over the same range', () => {
    seed();
    const kpis = sync.alarmKpis(T0, TO, false);
    const { alarmLoad } = syncReport();
    expect([alarmLoad.alarms, alarmLoad.per10Min, alarmLoad.floodMs, alarmLoad.silences.count]).toEqual([
      kpis.alarms,
      kpis.alarmsPer10Min,
      kpis.floodMs,
      kpis.silences,
    ]);
  });
});

describe('report: a range that runs past its generation', () => {
  it('counts no time that has not happened yet in any rate', () => {
    seed();
    const nowMs = T0 + 40 * H; // Tuesday 16:00, within the evening shift
    const r = reportSchema.parse(report(sync.database, { fromMs: T0, toMs: TO }, { ...context, nowMs }));
    expect(r.totals.flags).toBe(7);
    expect(r.alarmLoad).toMatchObject({
      windowMs: 40 * H,
      alarms: 8, // the feed alarm of Tuesday 23:30 is still to come
      floodMs: 30 * MIN, // the flood of Tuesday 23:00 too
      perOperator: { per10Min: 3.5 / 96, rosteredMs: 16 * H }, // Tuesday's night not yet begun
    });
    expect(r.alarmLoad.perOperator.shifts.at(-1)).toEqual(
      shiftLoad('2026-11-24:evening', T0 + 38 * H, 2 * H, 0, 1, null),
    );
  });
});

describe('report: one shift', () => {
  it("narrows every figure to the night shift's hours", () => {
    seed();
    const r = syncReport('night');
    expect(r.shiftKey).toBe('night');
    expect(r.totals).toMatchObject({ flags: 2, withdrawn: 1, closed: 0 }); // a4, a5
    expect(r.response.byShift.map((s) => s.shiftKey)).toEqual(['night']);
    expect(r.timeline.hourly.counts).toHaveLength(48);
    expect(r.alarmLoad).toMatchObject({
      windowMs: 16 * H, // Mon 00–06, Mon 22–Tue 06, Tue 22–24
      alarms: 3, // a4, a5 and the feed alarm at Tue 23:30
      floodMs: 90 * MIN,
      silences: { count: 1, items: [{ reason: 'drill in progress' }] },
      feed: { outageMs: 30 * MIN, outages: [{ startMs: T0 + 47.5 * H }] },
      // Monday's and Tuesday's nights are rostered: 2/1 + 1/1 over 10 hours.
      perOperator: { per10Min: 3 / 60, rosteredMs: 10 * H },
    });
    expect(r.alarmLoad.perOperator.shifts.map((s) => s.shiftId)).toEqual([
      '2026-11-22:night',
      '2026-11-23:night',
      '2026-11-24:night',
    ]);
  });
});

describe('report: alarms per operator', () => {
  it('splits a 10-minute slot exactly where a shift changes at 06:05, training never counted', () => {
    ({ sync } = openTempStore());
    const parsed = parseScheduleText('morning=06:05-14:05,evening=14:05-22:05,night=22:05-06:05');
    if (!parsed.ok) throw new Error(parsed.error);
    for (const [id, at] of [
      ['n1', T0 + 6 * H + 2 * MIN], // the night's last minutes
      ['m1', T0 + 6 * H + 7 * MIN], // the same slot, the morning's first minutes
      ['m2', T0 + 6 * H + 15 * MIN],
      ['m3', T0 + 14 * H + 4 * MIN],
      ['e1', T0 + 14 * H + 5 * MIN], // the evening's first instant
    ] as const)
      receive(id, at);
    receive('t1', T0 + 6 * H + 8 * MIN, {}, true);
    sync.setRoster('2026-11-22:night', [{ desk: 'D1', operator: 'Op Bela', supervisor: false }]);
    sync.setRoster('2026-11-23:morning', [
      { desk: 'S', operator: 'Sup Ria', supervisor: true },
      { desk: 'D1', operator: 'Op Asha', supervisor: false },
      { desk: 'D2', operator: 'Op Chand', supervisor: false },
      { desk: 'D3', operator: 'Op Devi', supervisor: false },
    ]);
    const load = reportSchema.parse(
      report(sync.database, { fromMs: T0, toMs: T0 + 24 * H }, { schedule: parsed.schedule, nowMs: NOW }),
    ).alarmLoad.perOperator;
    expect(load.shifts.map((s) => [s.shiftId, s.windowMs, s.operators, s.alarms])).toEqual([
      ['2026-11-22:night', 6 * H + 5 * MIN, 1, 1],
      ['2026-11-23:morning', 8 * H, 3, 3],
      ['2026-11-23:evening', 8 * H, 0, 1],
      ['2026-11-23:night', H + 55 * MIN, 0, 0],
    ]);
    expect(load.rosteredMs).toBe(14 * H + 5 * MIN);
    expect(load.per10Min).toBeCloseTo((1 + 3 / 3) / ((14 * 60 + 5) / 10), 12);
  });

  it('is null, not zero, when no shift in the range had an operator on the roster', () => {
    ({ sync } = openTempStore());
    receive('a1', T0 + H);
    const load = syncReport().alarmLoad.perOperator;
    expect(load).toMatchObject({ per10Min: null, rosteredMs: 0 });
    expect(load.shifts.reduce((n, s) => n + s.alarms, 0)).toBe(1);
  });
});

describe('report: queries and export', () => {
  it('reads flags from a covering index by received time and the alarm log by kind, never a full scan', () => {
    seed();
    const params = { fromMs: T0, toMs: TO, shiftStartMs: 0, shiftLengthMs: 24 * H };
    const plan = (sql: string, ...args: unknown[]) =>
      (sync.database.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
        .map((p) => p.detail)
        .join('; ');
    // The one read of the flags: every column it takes is in the covering index, no temporary b-tree;
    // each subject's number is one search of its key.
    expect(plan(REPORT_ROWS_SQL, params)).toBe(
      'SEARCH flags USING COVERING INDEX flags_report (training=? AND received_at_ms>? AND received_at_ms<?); ' +
        'CORRELATED SCALAR SUBQUERY 1; SEARCH s USING PRIMARY KEY (subject_key=?)',
    );
    for (const [sql, args] of [
      [ALARM_EVENTS_SQL, ['silence', T0, TO]],
      [LAST_BEFORE_SQL, ['flood_start', T0]],
    ] as const) {
      const detail = plan(sql, ...args);
      expect(detail).toMatch(/SEARCH alarm_log USING (COVERING )?INDEX alarm_log_by_kind/);
      expect(detail).not.toMatch(/SCAN alarm_log/);
    }
    expect(plan(ARRIVALS_BETWEEN_SQL, T0, T0 + MIN)).toMatch(/SEARCH flags USING COVERING INDEX/);
    expect(plan(ROSTER_OPERATORS_SQL, '2026-11-22', '2026-11-24;')).toMatch(
      /SEARCH roster USING PRIMARY KEY \(shift_id>\? AND shift_id<\?\)/,
    );
  });

  it('exports de-identified CSV of the aggregates: a header, case numbers, no personal field', () => {
    seed();
    const csv = reportCsv(syncReport());
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,group,metric,value');
    expect(lines).toContain('totals,,flags,7');
    expect(lines).toContain('district,(unplaced),flags,1');
    // Every hour of the range, its start in IST: Monday 10:00 had two flags.
    expect(lines.filter((l) => l.startsWith('hourly,'))).toHaveLength(48);
    expect(lines).toContain('hourly,2026-11-23T10:00+05:30,flags,2');
    expect(lines).toContain(`breach,${caseOf('a2')},close_elapsed_ms,${5 * H}`);
    expect(lines).toContain('response_by_operator,Op Asha,acknowledge_median_ms,45000');
    expect(lines).toContain(`alarm_load,,per_10_min_per_operator,${4.5 / 108}`);
    expect(lines).toContain('shift_load,2026-11-23:morning,operators,2');
    expect(lines).toContain(`worst_shift,2026-11-23:morning,per_10_min,${3 / 48}`);
    expect(lines).toContain('shift_load,2026-11-23:evening,per_10_min_per_operator,');
    for (const secret of [
      CANARY.name,
      CANARY.phone,
      CANARY.excerpt,
      'canary',
      '17841400999',
      'drill in progress',
    ])
      expect(csv).not.toContain(secret);
    expect(lines.every((l) => l.split(',').length === 4)).toBe(true);
  });
});

describe('report: the channel', () => {
  it('is for supervisors, auditors and administrators, and validates the range', async () => {
    seed();
    for (const [name, role] of [
      ['Op Desk', 'operator'],
      ['Sup Ria', 'supervisor'],
      ['Aud Mira', 'auditor'],
    ] as const)
      addTestAccount(sync.database, name, role);
    const core = createConsoleCore({
      store: inProcessStore(sync),
      host: 'headless',
      version: 'test',
      now: () => NOW,
      feed: defaultFeedConfig({ baseUrl: 'http://127.0.0.1:9', token: 't', pollIntervalMs: 1000 }),
    });
    const ask = async (name: string) => {
      const ctx = { role: 'desk' as const, connection: name };
      await core.handlers.logon({ name, password: TEST_PASSWORD, bannerAccepted: true }, ctx);
      return core.handlers.getReport({ fromMs: T0, toMs: TO }, ctx);
    };
    await expect(ask('Op Desk')).rejects.toThrow(/operator role may not getReport/);
    const supervisor = await ask('Sup Ria');
    expect(supervisor.totals.flags).toBe(7);
    expect(supervisor.response.byOperator).toHaveLength(3);
    // An auditor reads the room's figures, not each operator's.
    const auditor = await ask('Aud Mira');
    expect(auditor.totals.flags).toBe(7);
    expect(auditor.response.byOperator).toEqual([]);
    expect(reportRequestSchema.safeParse({ fromMs: TO, toMs: T0 }).success).toBe(false);
    expect(reportRequestSchema.safeParse({ fromMs: 0, toMs: 400 * 24 * H }).success).toBe(false);
    await expect(
      core.handlers.getReport(
        { fromMs: T0, toMs: TO, shiftKey: 'lunch' },
        { role: 'desk', connection: 'Sup Ria' },
      ),
    ).rejects.toThrow(/no shift "lunch"/);
  });
});

/** The report as the store computes it, checked against the contract's schema on the way. */
function syncReport(shiftKey?: string) {
  const range = shiftKey === undefined ? { fromMs: T0, toMs: TO } : { fromMs: T0, toMs: TO, shiftKey };
  return reportSchema.parse(report(sync.database, range, context));
}
