// Alarm KPIs and arrival statistics computed in the store, checked against hand-computed values.
import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { makeFlag } from '../helpers/flags';
import { openTempStore, pageInput } from '../helpers/temp-store';

const T0 = Date.parse('2026-11-23T00:00:00+05:30'); // Monday 00:00 IST: hour of week 0
let sync: SqliteStore;
afterEach(() => sync?.close());

function seed() {
  ({ sync } = openTempStore());
  // Four live flags received at T0 + 0, 1, 2, 3 minutes; one training flag that must not count.
  const risks = ['imminent', 'imminent', 'high', 'elevated'] as const;
  risks.forEach((risk, i) =>
    sync.commitPage({ ...pageInput([makeFlag({ id: `k${i}`, risk })], `c_${i}`, T0 + i * 60_000) }),
  );
  sync.commitPage({ ...pageInput([makeFlag({ id: 'train', risk: 'imminent' })], 'c_9', T0), training: true });
  // Acknowledged after 30 s, 90 s, 10 s and 200 s.
  sync.acknowledge('k0', 'Op A', T0 + 30_000);
  sync.acknowledge('k1', 'Op A', T0 + 60_000 + 90_000);
  sync.acknowledge('k2', 'Op B', T0 + 120_000 + 10_000);
  sync.acknowledge('k3', 'Op B', T0 + 180_000 + 200_000);
  sync.appendAlarmLog([
    { atMs: T0 + 5 * 60_000, kind: 'flood_start', actor: null, detail: {} },
    { atMs: T0 + 15 * 60_000, kind: 'flood_end', actor: null, detail: {} },
    { atMs: T0 + 50 * 60_000, kind: 'flood_start', actor: null, detail: {} }, // still open at the end
    { atMs: T0 + 20 * 60_000, kind: 'feed_alarm_start', actor: null, detail: {} },
    {
      atMs: T0 + 21 * 60_000,
      kind: 'silence',
      actor: 'Op A',
      detail: { reason: 'known feed outage', minutes: 5 },
    },
  ]);
}

describe('alarm KPIs', () => {
  it('counts alarms, flood time, silences and time to acknowledge per risk over a period', () => {
    seed();
    const kpis = sync.alarmKpis(T0, T0 + 3_600_000, false);
    expect(kpis.alarms).toBe(5); // 4 live flags + 1 feed alarm; the training flag does not count
    expect(kpis.alarmsPer10Min).toBeCloseTo(5 / 6, 6);
    expect(kpis.floodMs).toBe(10 * 60_000 + 10 * 60_000);
    expect(kpis.floodShare).toBeCloseTo(20 / 60, 6);
    expect(kpis.silences).toBe(1);
    expect(kpis.timeToAcknowledge).toEqual({
      imminent: { count: 2, medianMs: 60_000, p95Ms: 90_000 },
      high: { count: 1, medianMs: 10_000, p95Ms: 10_000 },
      elevated: { count: 1, medianMs: 200_000, p95Ms: 200_000 },
    });
  });

  it('learns arrivals per IST hour of the week, separately for training', () => {
    seed();
    const live = sync.arrivalStats(T0 - 1, false);
    expect(live.byHourOfWeek[0]).toBe(4);
    expect(live.byHourOfWeek.reduce((a, b) => a + b, 0)).toBe(4);
    expect(live).toMatchObject({ firstMs: T0, lastMs: T0 + 180_000 });
    expect(sync.arrivalStats(T0 - 1, true).byHourOfWeek[0]).toBe(1);
  });

  it('keeps the alarm log append-only', () => {
    seed();
    expect(() => sync.database.exec('DELETE FROM alarm_log')).toThrow(/append-only/);
  });

  it('answers the arrival and acknowledgement queries from indexes', () => {
    seed();
    const plan = (sql: string) =>
      (sync.database.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1, 0, 1) as { detail: string }[])
        .map((p) => p.detail)
        .join(' ');
    expect(
      plan('SELECT count(*) FROM flags WHERE training = ? AND received_at_ms >= ? AND received_at_ms < ?'),
    ).toMatch(/USING COVERING INDEX flags_by_received_at/);
    expect(
      plan(
        'SELECT risk FROM flags WHERE training = ? AND acknowledged_at_ms >= ? AND acknowledged_at_ms < ?',
      ),
    ).toMatch(/USING INDEX flags_by_acknowledged_at/);
  });
});
