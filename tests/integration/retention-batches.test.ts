// The purge reads only what is due, through its partial index, and goes in batches so the one
// writer is never held long; the schedule keeps calling until the backlog is done.
import { describe, expect, it } from 'vitest';
import { closeFlag } from '../../electron/main/core/store/sqlite/dispatch-queries';
import { purgePersonal } from '../../electron/main/core/store/sqlite/retention-queries';
import type { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { inProcessStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { startRetention } from '../../electron/main/core/retention/retention-schedule';
import { makeFlag } from '../helpers/flags';
import { closedAfterEach, openTempStore, pageInput } from '../helpers/temp-store';

const opened = closedAfterEach();
const DAY = 24 * 3600_000;

function closedFlags(n: number) {
  const { sync } = openTempStore();
  opened.push(sync);
  const ids = Array.from({ length: n }, (_, i) => `fl_b${i}`);
  sync.commitPage(pageInput(ids.map((id) => makeFlag({ id }))));
  ids.forEach((id, i) => {
    sync.acknowledge(id, 'Op A', 1_000 + i);
    closeFlag(
      sync.database,
      id,
      'Op A',
      { outcome: 'false_positive', reason: 'no unit was needed (test set-up)' },
      2_000 + i,
    );
  });
  return sync;
}
const held = (sync: SqliteStore) =>
  (sync.database.prepare('SELECT count(*) AS n FROM flag_personal').get() as { n: number }).n;

describe('retention in batches', () => {
  it('erases at most the limit per call, oldest close first, and says when more are due', () => {
    const sync = closedFlags(5);
    const first = purgePersonal(sync.database, {
      olderThanMs: 90 * DAY,
      nowMs: 100 * DAY,
      by: 'Sup',
      limit: 2,
    });
    expect(first).toMatchObject({ flagsErased: 2, more: true });
    expect(held(sync)).toBe(3);
    expect(sync.getFlagDetail('fl_b0')!.events.at(-1)!.kind).toBe('personal_erased');
    expect(
      purgePersonal(sync.database, { olderThanMs: 90 * DAY, nowMs: 100 * DAY, by: 'Sup', limit: 2 }),
    ).toMatchObject({
      flagsErased: 2,
      more: true,
    });
    expect(
      purgePersonal(sync.database, { olderThanMs: 90 * DAY, nowMs: 100 * DAY, by: 'Sup', limit: 2 }),
    ).toMatchObject({
      flagsErased: 1,
      more: false,
    });
    expect(held(sync)).toBe(0);
  });

  it('finds what is due through the partial index, not by reading every flag', () => {
    const sync = closedFlags(1);
    const plan = (
      sync.database
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM flags INDEXED BY flags_retention_due
           WHERE state = 'closed' AND personal_erased_at_ms IS NULL AND closed_at_ms < ? ORDER BY closed_at_ms LIMIT 10`,
        )
        .all(1) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH flags USING INDEX flags_retention_due \(closed_at_ms<\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('the schedule keeps calling until the backlog is erased', async () => {
    const sync = closedFlags(1_100); // more than two batches of 500
    const schedule = startRetention(inProcessStore(sync), {
      retentionMs: 90 * DAY,
      now: () => 100 * DAY,
      log: () => {},
    });
    const result = await schedule.runNow();
    await schedule.stop();
    expect(held(sync)).toBe(0);
    expect(result).toMatchObject({ more: false });
  });
});
