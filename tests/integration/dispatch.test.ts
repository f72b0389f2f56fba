// Dispatch → unit confirmation → outcome and close, in the real encrypted store: each step checks
// the state, is recorded as a flag event with who and when, survives a reopen, and feeds the
// handover's counts.
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../electron/main/core/store/sqlite-store';
import { makeFlag } from '../helpers/flags';
import { openTempStore, pageInput } from '../helpers/temp-store';
import { closeFlag, confirmDispatch, dispatchFlag } from '../../electron/main/core/store/dispatch-queries';

const opened: SqliteStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

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
    expect(() =>
      dispatchFlag(sync.database, 'fl_d', 'Op A', { ...details, unitKey: 'atlantis' }, 3_000),
    ).toThrow(/no unit "atlantis"/);
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
