// Dispatch → unit confirmation → outcome and close, in the real encrypted store: each step checks
// the state, is recorded as a flag event with who and when, survives a reopen, and feeds the
// handover's counts.
import { describe, expect, it } from 'vitest';
import {
  CHANGED_SINCE_SQL,
  OPEN_QUEUE_SQL,
  SqliteStore,
} from '../../electron/main/core/store/sqlite/sqlite-store';
import { makeFlag } from '../helpers/flags';
import { closedAfterEach, openTempStore, pageInput } from '../helpers/temp-store';
import {
  closeFlag,
  confirmDispatch,
  dispatchFlag,
  undoClose,
} from '../../electron/main/core/store/sqlite/dispatch-queries';
import { CLOSE_UNDO_MS, dispatchUnitRefusal } from '../../shared/dispatch';
import { coded } from '../../shared/errors';
import { DEFAULT_UNIT_REGISTRY } from '../../shared/routing/unit-registry';
import { DEFAULT_SCHEDULE, shiftAt } from '../../shared/shifts/schedule';
import { recordFollowUp, surfaceDueFollowUps } from '../../electron/main/core/store/sqlite/follow-up-queries';
import { isOpen } from '../../shared/queue-order';

const opened = closedAfterEach();

function seeded() {
  const t = openTempStore();
  opened.push(t.sync);
  t.sync.commitPage(pageInput([makeFlag({ id: 'fl_d', location: { district: 'Jodhpur' } })]));
  return t;
}
const details = {
  unitKey: 'jodhpur-control-room',
  called: 'SI Testwal',
  means: 'phone' as const,
  unitReference: 'JDH/2026/77',
};

describe('dispatch and close', () => {
  it('refuses to dispatch before acknowledgement, and to another unit without a reason', () => {
    const { sync } = seeded();
    expect(() => dispatchFlag(sync.database, 'fl_d', 'Op A', details, 2_000)).toThrow(/acknowledge it first/);
    sync.acknowledge('fl_d', 'Op A', 2_000);
    expect(() =>
      dispatchFlag(sync.database, 'fl_d', 'Op A', { ...details, unitKey: 'pali-control-room' }, 3_000),
    ).toThrow(/reason: required/);
    // Which units exist is the registry's: the core refuses an unknown one (unit-registry.test.ts).
    expect(dispatchUnitRefusal(DEFAULT_UNIT_REGISTRY, 'atlantis')).toEqual(
      coded('dispatch.unknown_unit', { unitKey: 'atlantis' }),
    );
  });

  it('records each step with who and when, and keeps it across a reopen', () => {
    const { sync, file, key } = seeded();
    sync.acknowledge('fl_d', 'Op A', 2_000);
    const sent = dispatchFlag(sync.database, 'fl_d', 'Op A', details, 3_000);
    expect(sent).toMatchObject({
      state: 'dispatched',
      dispatch: { unitKey: details.unitKey, atMs: 3_000, confirmedAtMs: null },
    });
    expect(sync.listOpenQueue(false).map((i) => i.id)).toContain('fl_d');
    expect(() => closeFlag(sync.database, 'fl_d', 'Op A', { outcome: 'contacted' }, 3_500)).not.toThrow();
    sync.close();

    const again = SqliteStore.open(file, key, { createIfMissing: false });
    opened.push(again);
    const detail = again.getFlagDetail('fl_d')!;
    expect(detail.state).toBe('closed');
    const kinds = detail.events.map((e) => [e.kind, e.actor, e.atMs]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['acknowledged', 'Op A', 2_000],
        ['dispatched', 'Op A', 3_000],
        ['closed', 'Op A', 3_500],
      ]),
    );
    expect(detail.events.find((e) => e.kind === 'dispatched')!.detail).toMatchObject({
      called: 'SI Testwal',
      means: 'phone',
      unitReference: 'JDH/2026/77',
    });
    expect(again.listOpenQueue(false).find((i) => i.id === 'fl_d')).toBeUndefined();
  });

  it('confirms once, and closes without a dispatch only as a false positive or duplicate', () => {
    const { sync } = seeded();
    sync.acknowledge('fl_d', 'Op A', 2_000);
    expect(() => closeFlag(sync.database, 'fl_d', 'Op A', { outcome: 'hospitalised' }, 2_500)).toThrow(
      /needs a dispatch first/,
    );
    dispatchFlag(sync.database, 'fl_d', 'Op A', details, 3_000);
    const confirmed = confirmDispatch(sync.database, 'fl_d', 'Op A', 'HC Unitwala', 4_000);
    expect(confirmed.dispatch?.confirmedAtMs).toBe(4_000);
    expect(() => confirmDispatch(sync.database, 'fl_d', 'Op A', 'HC Unitwala', 4_100)).toThrow(
      /already confirmed/,
    );
    closeFlag(
      sync.database,
      'fl_d',
      'Op B',
      { outcome: 'welfare_check_done', note: 'Unit visited; family informed.' },
      5_000,
    );
    expect(() => closeFlag(sync.database, 'fl_d', 'Op B', { outcome: 'duplicate' }, 5_100)).toThrow(
      /already closed/,
    );
  });
});

describe('the guarded close and its undo (issue #16)', () => {
  const reason = 'Duplicate of a case already with the unit';

  it('refuses to close an imminent or high flag without a dispatch unless a reason is given', () => {
    const { sync } = seeded(); // makeFlag's risk is high
    sync.acknowledge('fl_d', 'Op A', 2_000);
    expect(() => closeFlag(sync.database, 'fl_d', 'Op A', { outcome: 'false_positive' }, 2_500)).toThrow(
      /high risk closed without a dispatch needs a reason/,
    );
    const closed = closeFlag(sync.database, 'fl_d', 'Op A', { outcome: 'duplicate', reason }, 2_600);
    expect(closed.state).toBe('closed');
    const event = sync.getFlagDetail('fl_d')!.events.find((e) => e.kind === 'closed')!;
    expect(event.detail).toMatchObject({ outcome: 'duplicate', reason });
  });

  it('closes an elevated flag without a dispatch with no reason, and a dispatched flag of any risk', () => {
    const t = openTempStore();
    opened.push(t.sync);
    t.sync.commitPage(pageInput([makeFlag({ id: 'fl_e', risk: 'elevated' })]));
    t.sync.acknowledge('fl_e', 'Op A', 1_000);
    expect(closeFlag(t.sync.database, 'fl_e', 'Op A', { outcome: 'false_positive' }, 2_000).state).toBe(
      'closed',
    );
    const { sync } = seeded();
    sync.acknowledge('fl_d', 'Op A', 2_000);
    dispatchFlag(sync.database, 'fl_d', 'Op A', details, 3_000);
    expect(closeFlag(sync.database, 'fl_d', 'Op A', { outcome: 'contacted' }, 4_000).state).toBe('closed');
  });

  it('undoes a close by the same operator within the window, as an appended event, and unschedules check-ins', () => {
    const { sync } = seeded();
    sync.acknowledge('fl_d', 'Op A', 2_000);
    dispatchFlag(sync.database, 'fl_d', 'Op A', details, 3_000);
    closeFlag(sync.database, 'fl_d', 'Op A', { outcome: 'contacted' }, 10_000);
    const back = undoClose(sync.database, 'fl_d', 'Op A', 10_000 + CLOSE_UNDO_MS);
    expect(back).toMatchObject({ state: 'dispatched', followUp: null });
    expect(sync.listOpenQueue(false).map((i) => i.id)).toContain('fl_d');
    const kinds = sync.getFlagDetail('fl_d')!.events.map((e) => e.kind);
    // The close stays in the history; the undo is a new event after it.
    expect(kinds.slice(-2)).toEqual(['closed', 'close_undone']);
    const undone = sync.getFlagDetail('fl_d')!.events.at(-1)!;
    expect(undone).toMatchObject({ actor: 'Op A', detail: { outcome: 'contacted', closedAtMs: 10_000 } });
    // No check-in of a close that no longer stands.
    expect(surfaceDueFollowUps(sync.database, 30 * 24 * 3600_000)).toEqual([]);
    // It can be closed again, and the shift's handover counts the close that stands, once.
    closeFlag(sync.database, 'fl_d', 'Op A', { outcome: 'welfare_check_done' }, 200_000);
    const summary = sync.handoverSummary(shiftAt(DEFAULT_SCHEDULE, 200_000), 200_001, false);
    expect(summary.closed).toEqual({ total: 1, byOutcome: { welfare_check_done: 1 } });
  });

  it('refuses an undo by another operator, after the window, or of a flag that is not closed', () => {
    const { sync } = seeded();
    sync.acknowledge('fl_d', 'Op A', 2_000);
    expect(() => undoClose(sync.database, 'fl_d', 'Op A', 2_100)).toThrow(/it is not closed/);
    closeFlag(sync.database, 'fl_d', 'Op A', { outcome: 'false_positive', reason }, 3_000);
    expect(() => undoClose(sync.database, 'fl_d', 'Op B', 3_100)).toThrow(
      /only the operator who closed it can undo/,
    );
    expect(() => undoClose(sync.database, 'fl_d', 'Op A', 3_001 + CLOSE_UNDO_MS)).toThrow(/have passed/);
    expect(sync.getFlagDetail('fl_d')!.state).toBe('closed');
    expect(undoClose(sync.database, 'fl_d', 'Op A', 3_000 + CLOSE_UNDO_MS).state).toBe('acknowledged');
  });
});

describe('welfare check-ins after a closed intervention', () => {
  const HOUR = 3600_000;
  function closedAfterContact(closedAtMs: number) {
    const t = seeded();
    t.sync.acknowledge('fl_d', 'Op A', 2_000);
    dispatchFlag(t.sync.database, 'fl_d', 'Op A', details, 3_000);
    closeFlag(t.sync.database, 'fl_d', 'Op A', { outcome: 'contacted' }, closedAtMs);
    return t;
  }
  const queued = (sync: SqliteStore) => sync.listOpenQueue(false).find((i) => i.id === 'fl_d');

  it('schedules 24 h, 72 h and 7 d from the close and brings each back into the queue when due', () => {
    const closedAt = 10_000;
    const { sync } = closedAfterContact(closedAt);
    expect(queued(sync)).toBeUndefined();
    expect(surfaceDueFollowUps(sync.database, closedAt + 24 * HOUR - 1)).toEqual([]);

    const [due] = surfaceDueFollowUps(sync.database, closedAt + 24 * HOUR);
    expect(due).toMatchObject({ state: 'closed', followUp: { sequence: 1, afterMs: 24 * HOUR } });
    expect(isOpen(due!)).toBe(true);
    expect(queued(sync)?.followUp?.sequence).toBe(1);
    // Surfacing is idempotent: a second look finds nothing new.
    expect(surfaceDueFollowUps(sync.database, closedAt + 25 * HOUR)).toEqual([]);

    const done = recordFollowUp(
      sync.database,
      'fl_d',
      1,
      'Op B',
      { outcome: 'safe_and_well' },
      closedAt + 26 * HOUR,
    );
    expect(done.followUp).toBeNull();
    expect(isOpen(done)).toBe(false);
    expect(queued(sync)).toBeUndefined();

    const [second] = surfaceDueFollowUps(sync.database, closedAt + 72 * HOUR);
    expect(second?.followUp).toMatchObject({ sequence: 2, afterMs: 72 * HOUR });
    const events = sync.getFlagDetail('fl_d')!.events.filter((e) => e.kind.startsWith('follow_up'));
    expect(events.map((e) => [e.kind, e.actor, e.detail.sequence])).toEqual([
      ['follow_up_due', null, 1],
      ['follow_up_done', 'Op B', 1],
      ['follow_up_due', null, 2],
    ]);
    expect(events[1]!.detail.outcome).toBe('safe_and_well');
  });

  it('shows one check-in per flag at a time, the earliest, even when several fell due while away', () => {
    const { sync } = closedAfterContact(0);
    const surfaced = surfaceDueFollowUps(sync.database, 8 * 24 * HOUR);
    expect(surfaced.map((i) => i.followUp?.sequence)).toEqual([1]);
    recordFollowUp(sync.database, 'fl_d', 1, 'Op B', { outcome: 'not_reached' }, 8 * 24 * HOUR);
    expect(surfaceDueFollowUps(sync.database, 8 * 24 * HOUR).map((i) => i.followUp?.sequence)).toEqual([2]);
  });

  it('refuses an outcome for a check-in that is not the one due, and schedules none for a false positive', () => {
    const { sync } = closedAfterContact(0);
    expect(() => recordFollowUp(sync.database, 'fl_d', 1, 'Op B', { outcome: 'safe_and_well' }, 1)).toThrow(
      /No check-in of fl_d is due/,
    );
    surfaceDueFollowUps(sync.database, 24 * HOUR);
    expect(() => recordFollowUp(sync.database, 'fl_d', 2, 'Op B', { outcome: 'safe_and_well' }, 1)).toThrow(
      /sequence: check-in 2 of fl_d is not the one due \(1\)/,
    );

    const other = openTempStore();
    opened.push(other.sync);
    other.sync.commitPage(pageInput([makeFlag({ id: 'fl_fp' })]));
    other.sync.acknowledge('fl_fp', 'Op A', 1_000);
    closeFlag(
      other.sync.database,
      'fl_fp',
      'Op A',
      { outcome: 'false_positive', reason: 'Post was a song lyric, checked' },
      2_000,
    );
    expect(surfaceDueFollowUps(other.sync.database, 30 * 24 * HOUR)).toEqual([]);
  });

  it('reads the due check-ins through indexes, not a scan of every flag', () => {
    const { sync } = closedAfterContact(0);
    const plan = (sql: string, ...args: unknown[]) =>
      (sync.database.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    expect(plan('SELECT flag_id FROM follow_ups WHERE surfaced_at_ms IS NULL AND due_at_ms <= ?', 1)).toMatch(
      /USING INDEX follow_ups_waiting/,
    );
    // The queue as the core reads it: each half on its own partial index, never the whole history.
    const queuePlan = plan(OPEN_QUEUE_SQL, 0, 0);
    expect(queuePlan).toMatch(/USING INDEX flags_open_queue/);
    expect(queuePlan).toMatch(/USING INDEX flags_follow_up_due/);
    expect(queuePlan).not.toMatch(/flags_by_received_at|SCAN flags(?! USING)/); // partial indexes only: small
    // What changed since the last poll: the new events by rowid, then each flag by its key.
    const changedPlan = plan(CHANGED_SINCE_SQL, 0, 1, 0);
    expect(changedPlan).toMatch(/SEARCH flag_events USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(changedPlan).toMatch(/SEARCH flags USING INDEX sqlite_autoindex_flags_1 \(id=\?\)/);
    expect(changedPlan).not.toMatch(/SCAN flags/);
  });
});
