// The store contract's part for the room's shared state (store-contract.ts runs it on every engine):
// holds decided against the stored one, a takeover recorded with it, a desk's leaving and a silent
// core both sending the flag back after the grace (recorded once), and the alarm's silence with its
// log entries, one for the room.
import { describe, expect, it } from 'vitest';
import type { HoldClaim } from '../../shared/room/stored-holds';
import type { OpenedEngine } from '../helpers/store-engines';
import { makeFlag } from '../helpers/flags';
import { pageInput } from '../helpers/temp-store';

const GRACE = 60_000;
const asha: HoldClaim = {
  name: 'Op Asha',
  role: 'operator',
  desk: 'desk 1',
  core: 'core-a',
  connection: 'ws-1',
};
const ravi: HoldClaim = {
  name: 'Op Ravi',
  role: 'operator',
  desk: 'desk 1',
  core: 'core-b',
  connection: 'ws-1',
};

export function roomStateContract(engineName: string, open: () => Promise<OpenedEngine>) {
  describe(`the room's shared state on ${engineName}`, () => {
    it('holds: decided against the stored hold, taken over on the record, released only by the holder', async () => {
      const { store } = await open();
      await store.commitPage(pageInput([makeFlag({ id: 'fl_h' })]));
      await expect(store.claimHold('fl_nope', asha, 1_000, GRACE)).rejects.toMatchObject({
        kind: 'not_found',
      });
      expect(await store.claimHold('fl_h', asha, 1_000, GRACE)).toMatchObject({
        decision: { kind: 'hold' },
        hold: { flagId: 'fl_h', name: asha.name, core: 'core-a', connection: 'ws-1', sinceMs: 1_000 },
      });
      // Another core's desk with the same connection name is another desk: told who holds it.
      const other = await store.claimHold('fl_h', ravi, 2_000, GRACE);
      expect(other.decision).toMatchObject({ kind: 'held_by_other', holder: { name: asha.name } });
      expect(await store.releaseHold('fl_h', { core: 'core-b', connection: 'ws-1' })).toBe(false);
      expect((await store.listHolds()).map((h) => h.name)).toEqual([asha.name]);

      const taken = await store.takeOverHold('fl_h', ravi, 3_000, GRACE);
      expect(taken).toMatchObject({
        previous: { name: asha.name },
        hold: { name: ravi.name, takenFrom: asha.name },
      });
      const detail = await store.getFlagDetail('fl_h');
      expect(detail!.events.find((e) => e.kind === 'taken_over')).toMatchObject({
        actor: ravi.name,
        detail: { fromOperator: asha.name, fromDesk: 'desk 1', toDesk: 'desk 1' },
      });
      expect(await store.takeOverHold('fl_h', { ...asha, role: 'auditor' }, 4_000, GRACE)).toBeNull();
      expect(await store.releaseHold('fl_h', { core: 'core-b', connection: 'ws-1' })).toBe(true);
      expect(await store.listHolds()).toEqual([]);
    });

    it('a desk that left, or a core gone silent, gives the flag back after the grace, recorded once', async () => {
      const { store } = await open();
      await store.commitPage(pageInput([makeFlag({ id: 'fl_left' }), makeFlag({ id: 'fl_silent' })]));
      await store.claimHold('fl_left', asha, 1_000, GRACE);
      await store.claimHold('fl_silent', ravi, 1_000, GRACE);
      expect(await store.leaveHolds('core-a', 'ws-1', 1_000 + GRACE)).toEqual(['fl_left']);
      expect(await store.leaveHolds('core-a', 'ws-1', 9_999_999)).toEqual([]);
      // The same operator back within the grace, at another core: still theirs, at the new desk.
      const back = await store.claimHold(
        'fl_left',
        { ...asha, core: 'core-c', connection: 'ws-7' },
        5_000,
        GRACE,
      );
      expect(back).toMatchObject({
        decision: { kind: 'already_yours' },
        hold: { core: 'core-c', releaseAtMs: null },
      });
      expect(await store.leaveHolds('core-c', 'ws-7', 5_000 + GRACE)).toEqual(['fl_left']);

      // core-b beats its desk's hold while it runs, then falls silent at 20 s.
      await store.beatHolds('core-b', 20_000);
      expect(await store.expireHolds(5_000 + GRACE - 1, GRACE)).toEqual([]);
      expect((await store.expireHolds(5_000 + GRACE, GRACE)).map((h) => h.flagId)).toEqual(['fl_left']);
      expect(await store.expireHolds(20_000 + GRACE - 1, GRACE)).toEqual([]);
      expect((await store.expireHolds(20_000 + GRACE, GRACE)).map((h) => h.flagId)).toEqual(['fl_silent']);
      expect(await store.expireHolds(20_000 + GRACE, GRACE)).toEqual([]);
      for (const id of ['fl_left', 'fl_silent']) {
        const events = (await store.getFlagDetail(id))!.events.filter((e) => e.kind === 'hold_released');
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ actor: 'system' });
      }
    });

    it('two stores opening the same flag at once: one holds it, the other is told who', async () => {
      const e = await open();
      const other = await e.another();
      await e.store.commitPage(pageInput([makeFlag({ id: 'fl_race' })]));
      const answers = await Promise.all([
        e.store.claimHold('fl_race', asha, 1_000, GRACE),
        other.claimHold('fl_race', ravi, 1_000, GRACE),
      ]);
      expect(answers.map((a) => a.decision.kind).sort()).toEqual(['held_by_other', 'hold']);
      expect(await other.listHolds()).toHaveLength(1);
      // The flag closed: dropped whoever held it.
      expect(await other.releaseHold('fl_race', null)).toBe(true);
      expect(await e.store.listHolds()).toEqual([]);
    });

    it("the alarm's silence: one for the room, its start and end logged, an expiry logged once", async () => {
      const { store, raw } = await open();
      expect(await store.getAlarmSilence()).toBeNull();
      const silence = { by: 'Op Asha', reason: 'known feed outage', untilMs: 301_000 };
      const started = {
        atMs: 1_000,
        kind: 'silence' as const,
        actor: 'Op Asha',
        detail: { reason: silence.reason, minutes: 5 },
      };
      expect(await store.setAlarmSilence(silence, started)).toBe(true);
      expect(await store.getAlarmSilence()).toEqual(silence);
      const expired = {
        atMs: 301_000,
        kind: 'silence_expired' as const,
        actor: null,
        detail: { by: 'Op Asha' },
      };
      // Another silence's end (a different untilMs) ends nothing.
      expect(await store.setAlarmSilence(null, expired, 999)).toBe(false);
      expect(await store.setAlarmSilence(null, expired, 301_000)).toBe(true);
      expect(await store.setAlarmSilence(null, expired, 301_000)).toBe(false);
      expect(await store.getAlarmSilence()).toBeNull();
      await store.setAlarmSilence({ ...silence, untilMs: 900_000 }, { ...started, atMs: 600_000 });
      const cancelled = { atMs: 601_000, kind: 'silence_cancelled' as const, actor: 'Sup', detail: {} };
      expect(await store.setAlarmSilence(null, cancelled)).toBe(true);
      expect(await store.setAlarmSilence(null, cancelled)).toBe(false);
      const kinds = (await raw('SELECT kind FROM alarm_log ORDER BY seq')) as { kind: string }[];
      expect(kinds.map((k) => k.kind)).toEqual([
        'silence',
        'silence_expired',
        'silence',
        'silence_cancelled',
      ]);
    });
  });
}
