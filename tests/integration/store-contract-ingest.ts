// The store contract's part for ingest and the change feed (store-contract.ts runs it on every engine):
// (id, revision) ingest that is idempotent and commits its cursor with the page or not at all, bad
// records quarantined once, two stores ingesting the same pages, and a change feed that never skips a
// change committed by concurrent writers.
import { expect, it } from 'vitest';
import { makeFlag } from '../helpers/flags';
import { pageInput } from '../helpers/temp-store';
import type { ContractSuite } from './store-contract-suite';

export function ingestContract({ open }: ContractSuite) {
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

  it('two stores ingesting the same pages at once store each flag once', async () => {
    const e = await open();
    const second = await e.another();
    const flags = Array.from({ length: 20 }, () => makeFlag());
    const pages = [flags.slice(0, 10), flags.slice(5, 15), flags.slice(10, 20)];
    const results = await Promise.all(
      [e.store, second, e.store, second].flatMap((s, i) =>
        pages.map((p) => s.commitPage({ ...pageInput(p, null), feedKey: `core${i}` })),
      ),
    );
    expect(results.reduce((n, r) => n + r.inserted, 0)).toBe(20);
    expect(results.reduce((n, r) => n + r.inserted + r.duplicates, 0)).toBe(4 * 30);
    expect(await e.store.listOpenQueue(false)).toHaveLength(20);
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
}
