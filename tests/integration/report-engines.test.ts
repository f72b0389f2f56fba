// The supervisors' report is the same on both engines: the same flags, steps, roster and alarm log
// give the same Report from SQLite (kept days and live reads) and from PostgreSQL (live reads).
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from '../../shared/shifts/schedule';
import { postgresEngine, sqliteEngine, type OpenedEngine } from '../helpers/store-engines';
import { makeFlag } from '../helpers/flags';
import { pageInput } from '../helpers/temp-store';

const opened: OpenedEngine[] = [];
afterEach(async () => {
  for (const e of opened.splice(0)) await e.close();
});

const DAY = 24 * 3600_000;
const start = Date.parse('2026-11-20T00:00:00+05:30');

async function scenario(e: OpenedEngine) {
  const { store } = e;
  const risks = ['imminent', 'high', 'elevated'] as const;
  for (let day = 0; day < 4; day++) {
    const flags = Array.from({ length: 6 }, (_, i) =>
      makeFlag({ id: `fl_r${day}_${i}`, risk: risks[i % 3], subject: { account_id: `acct_${i % 4}` } }),
    );
    const at = start + day * DAY + (day % 2 ? 3 : 8) * 3600_000; // night and morning shifts
    await store.commitPage(pageInput(flags, `c_${day}`, at));
    for (const [i, f] of flags.entries()) {
      const id = f.id as string;
      if (i % 2 === 0) await store.acknowledge(id, `Op ${i}`, at + 60_000 * (i + 1));
      if (i === 0) {
        await store.dispatch(
          id,
          'Op 0',
          { unitKey: 'kota-city', called: 'SHO Kota', means: 'phone' },
          at + 600_000,
        );
        await store.confirmDispatch(id, 'Op 0', 'SI Ram', at + 900_000);
      }
      if (i === 2)
        await store.closeFlag(id, 'Op 2', { outcome: 'false_positive', reason: 'duplicate' }, at + 1_200_000);
    }
  }
  await store.setRoster('2026-11-21:morning', [
    { desk: 'desk-1', operator: 'Op 0', supervisor: false },
    { desk: 'desk-2', operator: 'Sup', supervisor: true },
  ]);
  await store.appendAlarmLog([
    {
      atMs: start + DAY + 5 * 3600_000,
      kind: 'silence',
      actor: 'Op 0',
      detail: { reason: 'drill', minutes: 5 },
    },
    { atMs: start + 2 * DAY, kind: 'feed_alarm_start', actor: null, detail: { feedState: 'down' } },
    { atMs: start + 2 * DAY + 600_000, kind: 'feed_alarm_end', actor: null, detail: {} },
    { atMs: start + 3 * DAY, kind: 'flood_start', actor: null, detail: {} },
    { atMs: start + 3 * DAY + 300_000, kind: 'flood_end', actor: null, detail: {} },
  ]);
}

describe('the report on both engines', () => {
  it('gives the same figures for the same history', async () => {
    const engines = [await sqliteEngine.open(), await postgresEngine.open()];
    opened.push(...engines);
    for (const e of engines) await scenario(e);
    const context = { schedule: DEFAULT_SCHEDULE, nowMs: start + 6 * DAY };
    for (const range of [
      { fromMs: start, toMs: start + 5 * DAY },
      { fromMs: start + DAY / 2, toMs: start + 3 * DAY, shiftKey: DEFAULT_SCHEDULE[0]!.key },
    ]) {
      const [fromSqlite, fromPostgres] = await Promise.all(
        engines.map((e) => e.store.report(range, context)),
      );
      expect(fromSqlite!.totals.flags).toBeGreaterThan(0);
      expect(fromPostgres).toEqual(fromSqlite);
    }
  });
});
