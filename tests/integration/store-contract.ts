// The store's guarantees, one suite for every engine (store-contract-sqlite.test.ts and
// store-contract-postgres.test.ts call it): the page and its cursor in one transaction, idempotent
// (id, revision) ingest, quarantine, append-only flag events, the audit chain appended in order under
// concurrency, retention erasure, the handover freeze, and a change feed that never skips a change
// committed by concurrent writers.
import { afterEach, describe, expect, it } from 'vitest';
import { auditHash, GENESIS_PREV_HASH } from '../../electron/main/core/store/audit-hash';
import { DEFAULT_SCHEDULE, instanceOf } from '../../shared/shifts/schedule';
import type { Engine, OpenedEngine } from '../helpers/store-engines';
import { CANARY, makeFlag } from '../helpers/flags';
import { pageInput } from '../helpers/temp-store';

export function storeContract(engine: Engine) {
  const opened: OpenedEngine[] = [];
  afterEach(async () => {
    for (const e of opened.splice(0)) await e.close();
  });
  const open = async () => {
    const e = await engine.open();
    opened.push(e);
    return e;
  };
  const chainOk = async (e: OpenedEngine) => {
    const rows = await e.auditRows();
    let prev = GENESIS_PREV_HASH;
    rows.forEach((row, i) => {
      expect(row.seq).toBe(i + 1);
      expect(row.prev_hash).toBe(prev);
      expect(auditHash(row)).toBe(row.hash);
      prev = row.hash;
    });
    return rows;
  };

  describe(`store contract on ${engine.name}`, () => {
    it('ingest is idempotent per (id, revision) and commits the cursor with the page', async () => {
      const { store } = await open();
      const flag = makeFlag();
      expect(await store.commitPage(pageInput([flag, flag], 'c_2'))).toMatchObject({
        inserted: 1,
        duplicates: 1,
      });
      expect(await store.commitPage(pageInput([flag], 'c_3'))).toMatchObject({ inserted: 0, duplicates: 1 });
      const revised = await store.commitPage(
        pageInput([{ ...flag, revision: 2, risk: 'imminent' }], 'c_4', 2_000),
      );
      expect(revised).toMatchObject({ revised: 1 });
      expect(await store.commitPage(pageInput([flag], 'c_5', 3_000))).toMatchObject({ duplicates: 1 });
      expect(await store.getCursor('default')).toBe('c_5');
      const queue = await store.listOpenQueue(false);
      expect(queue).toHaveLength(1);
      expect(queue[0]).toMatchObject({ revision: 2, risk: 'imminent' });
    });

    it('a page that fails commits nothing: neither its flags nor its cursor', async () => {
      const { store } = await open();
      await store.commitPage(pageInput([makeFlag()], 'c_1'));
      const good = pageInput([makeFlag({ id: 'fl_good' })], 'c_2');
      const bad = pageInput([makeFlag({ id: 'fl_bad' })], 'c_2');
      // A record the engine's own constraint refuses (risk outside its CHECK), after a good one.
      const broken = { ...bad.flags[0]!, flag: { ...bad.flags[0]!.flag, risk: 'bogus' as never } };
      await expect(store.commitPage({ ...good, flags: [...good.flags, broken] })).rejects.toThrow();
      expect(await store.getCursor('default')).toBe('c_1');
      expect((await store.listOpenQueue(false)).map((q) => q.id)).not.toContain('fl_good');
    });

    it('quarantines a bad record once, however often it comes', async () => {
      const { store } = await open();
      const bad = { id: 'fl_bad', revision: 1, risk: 'catastrophic' };
      expect(await store.commitPage(pageInput([bad, makeFlag()]))).toMatchObject({
        inserted: 1,
        quarantined: 1,
      });
      expect(await store.commitPage(pageInput([bad], 'c_2'))).toMatchObject({
        quarantined: 0,
        duplicates: 1,
      });
      expect(await store.countQuarantined()).toBe(1);
      const [q] = await store.listQuarantine(10);
      expect(q).toMatchObject({ idHint: 'fl_bad', source: 'feed' });
    });

    it('flag events are append-only', async () => {
      const e = await open();
      const flag = makeFlag();
      await e.store.commitPage(pageInput([flag]));
      await e.store.acknowledge(flag.id as string, 'Op Testwal', 2_000);
      await expect(e.raw("UPDATE flag_events SET kind = 'x'")).rejects.toThrow(/append-only/);
      await expect(e.raw('DELETE FROM flag_events')).rejects.toThrow(/append-only/);
      const detail = await e.store.getFlagDetail(flag.id as string);
      expect(detail!.events.map((ev) => ev.kind)).toEqual(['received', 'acknowledged']);
    });

    it('the audit chain stays whole under concurrent writers, from two stores', async () => {
      const e = await open();
      const second = await e.another();
      const flags = Array.from({ length: 12 }, () => makeFlag());
      await e.store.commitPage(pageInput(flags));
      await Promise.all(
        flags.map((f, i) => (i % 2 ? e.store : second).acknowledge(f.id as string, `Op ${i}`, 2_000 + i)),
      );
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? second : e.store).logSession(`op${i}`, 'logon', 'desk-1', 3_000 + i),
        ),
      );
      const rows = await chainOk(e);
      expect(rows[0]!.action).toBe('audit.started');
      expect(rows.filter((r) => r.action === 'flag.acknowledged')).toHaveLength(12);
      expect(rows.filter((r) => r.action === 'session.logon')).toHaveLength(10);
      await expect(e.raw(engine.sql('DELETE FROM audit_log', 'DELETE FROM audit_log'))).rejects.toThrow(
        /append-only/,
      );
    });

    it('a reveal and a close note reach the audit trail only as codes and lengths', async () => {
      const e = await open();
      const flag = makeFlag();
      await e.store.commitPage(pageInput([flag]));
      const id = flag.id as string;
      const personal = await e.store.revealFlag(id, 'Op One', 'Welfare check for Zubeida', 2_000);
      expect(personal.subject).toMatchObject({ display_name: CANARY.name });
      const rows = await chainOk(e);
      const reveal = rows.find((r) => r.action === 'flag.revealed')!;
      expect(reveal.detail_json).toBe(JSON.stringify({ reasonLength: 'Welfare check for Zubeida'.length }));
    });

    it('retention erases personal fields of flags closed long enough, keeping the record', async () => {
      const { store } = await open();
      const flag = makeFlag({ risk: 'elevated' });
      const id = flag.id as string;
      await store.commitPage(pageInput([flag]));
      await store.acknowledge(id, 'Op One', 2_000);
      await store.closeFlag(id, 'Op One', { outcome: 'false_positive', note: 'Spoke to Zubeida' }, 3_000);
      const result = await store.purgePersonal(1_000, 10_000, 'system');
      expect(result).toMatchObject({ flagsErased: 1, personalRowsDeleted: 1, eventsRedacted: 1 });
      await expect(store.readPersonalDetail(id)).rejects.toThrow();
      const detail = (await store.getFlagDetail(id))!;
      expect(detail.state).toBe('closed');
      const closed = detail.events.find((ev) => ev.kind === 'closed')!;
      expect(closed.detail).toEqual({ outcome: 'false_positive', noteLength: 'Spoke to Zubeida'.length });
      expect(detail.events.at(-1)!.kind).toBe('personal_erased');
      expect(await store.purgePersonal(1_000, 11_000, 'system')).toMatchObject({ flagsErased: 0 });
    });

    it('a signed handover is frozen: signed once, received once, never changed', async () => {
      const e = await open();
      const shift = instanceOf(DEFAULT_SCHEDULE, '2026-11-25', DEFAULT_SCHEDULE[0]!.key);
      const summary = await e.store.handoverSummary(shift, shift.endMs, false);
      const signed = await e.store.signHandover(
        summary,
        'Two flags carried over',
        'Sup Outgoing',
        shift.endMs,
      );
      expect(signed.summary.auditAnchor).toBeDefined();
      await expect(e.store.signHandover(summary, 'again', 'Sup Outgoing', shift.endMs)).rejects.toThrow();
      const received = await e.store.receiveHandover(shift.id, 'Sup Incoming', shift.endMs + 1);
      expect(received.receivedBy).toBe('Sup Incoming');
      await expect(e.store.receiveHandover(shift.id, 'Sup Other', shift.endMs + 2)).rejects.toThrow();
      await expect(
        e.raw(engine.sql("UPDATE handovers SET signed_by = 'x'", "UPDATE handovers SET signed_by = 'x'")),
      ).rejects.toThrow(/cannot be changed/);
      expect((await e.store.getHandover(shift.id))!.notes).toBe('Two flags carried over');
      await chainOk(e);
    });

    it('the change feed never skips a change committed by concurrent writers', async () => {
      const e = await open();
      const writers = [e.store, await e.another(), await e.another()];
      const all = new Set<string>();
      const seen = new Set<string>();
      let position = 0;
      let writing = true;
      const reader = (async () => {
        while (writing) {
          const changes = await e.store.changesSince(position, false);
          for (const item of changes.items) seen.add(item.id);
          expect(changes.lastEventSeq).toBeGreaterThanOrEqual(position);
          position = changes.lastEventSeq;
        }
      })();
      await Promise.all(
        writers.map(async (w, wi) => {
          for (let page = 0; page < 8; page++) {
            const flags = Array.from({ length: 3 }, () => makeFlag());
            for (const f of flags) all.add(f.id as string);
            await w.commitPage({ ...pageInput(flags, null), feedKey: `w${wi}` });
          }
        }),
      );
      writing = false;
      await reader;
      const last = await e.store.changesSince(position, false);
      for (const item of last.items) seen.add(item.id);
      expect([...all].filter((id) => !seen.has(id))).toEqual([]);
    });
  });
}
