// An acting command's answer is recorded in the same transaction as its action (#18: "never acts
// twice"). The store fails after the action and before the commit (a trigger refuses the answer's
// row): nothing is on file, so the retry acts, once. A command answered before the core died is
// retried on a new core over the reopened store: the first answer comes back and the flag has one
// event, not two.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../electron/main/core/console-core';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import { inProcessStore, SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import type { Store } from '../../electron/main/core/store/store';
import type { CallContext } from '../../shared/contract';
import { addTestAccount, TEST_PASSWORD } from '../helpers/accounts';
import { makeFlag } from '../helpers/flags';
import { openTempStore, pageInput } from '../helpers/temp-store';

const OPERATOR = 'Op Atomwal';
const desk: CallContext = { role: 'desk', connection: 'desk-1' };

const opened: { core?: ConsoleCore; sync: SqliteStore }[] = [];
afterEach(async () => {
  for (const { core, sync } of opened.splice(0).reverse()) {
    await core?.stop();
    if (sync.database.open) sync.close();
  }
});

/** The fault: the store throws after the action, before the commit (the answer's row is refused). */
function failTheAnswer(sync: SqliteStore): void {
  sync.database.exec(`CREATE TEMP TRIGGER fail_the_answer BEFORE INSERT ON request_results
    BEGIN SELECT RAISE(ABORT, 'injected fault: the core died before the commit'); END`);
}

function counts(sync: SqliteStore, id: string) {
  const db = sync.database;
  return {
    state: db.prepare<[string], { state: string }>('SELECT state FROM flags WHERE id = ?').get(id)!.state,
    acknowledged: db
      .prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM flag_events WHERE flag_id = ? AND kind = 'acknowledged'`,
      )
      .get(id)!.n,
    answers: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM request_results').get()!.n,
  };
}

async function coreOn(store: Store, sync: SqliteStore) {
  const core = createConsoleCore({
    store,
    host: 'headless',
    version: 'test',
    // Never started: the handlers are what is tested, not the poller.
    feed: defaultFeedConfig({
      baseUrl: 'http://127.0.0.1:9',
      token: 't',
      pollIntervalMs: 1000,
      training: false,
    }),
  });
  opened.push({ core, sync });
  await core.handlers.logon({ name: OPERATOR, password: TEST_PASSWORD, bannerAccepted: true }, desk);
  return core;
}

/** A store with one new flag and an operator, and a way to reopen it as a restarted core would. */
async function storeWithFlag() {
  const { store, sync, file, key } = openTempStore();
  opened.push({ sync });
  addTestAccount(sync.database, OPERATOR, 'operator');
  const flag = makeFlag({ risk: 'imminent' });
  await store.commitPage(pageInput([flag]));
  const reopen = () => {
    sync.close();
    const again = SqliteStore.open(file, key, { createIfMissing: false });
    return { store: inProcessStore(again), sync: again };
  };
  return { store, sync, id: flag.id as string, reopen };
}

describe('an acting command and its answer are one transaction', { timeout: 60_000 }, () => {
  it('the store failing before the commit leaves neither the action nor its answer', async () => {
    const { store, sync, id } = await storeWithFlag();
    const stamp = { requestId: crypto.randomUUID(), channel: 'acknowledge', actor: OPERATOR, atMs: 5_000 };
    failTheAnswer(sync);
    await expect(store.acknowledge(id, OPERATOR, 5_000, stamp)).rejects.toThrow(/injected fault/);
    expect(counts(sync, id)).toEqual({ state: 'new', acknowledged: 0, answers: 0 });

    sync.database.exec('DROP TRIGGER temp.fail_the_answer');
    const item = await store.acknowledge(id, OPERATOR, 5_000, stamp);
    expect(counts(sync, id)).toEqual({ state: 'acknowledged', acknowledged: 1, answers: 1 });
    expect(JSON.parse((await store.getRequestResult(stamp.requestId))!.resultJson)).toEqual(item);
    // The same id again: refused before anything is done.
    await expect(store.acknowledge(id, OPERATOR, 6_000, stamp)).rejects.toMatchObject({ kind: 'conflict' });
    expect(counts(sync, id)).toEqual({ state: 'acknowledged', acknowledged: 1, answers: 1 });
  });

  it('a reveal records which flag, never the personal fields, in the reveal transaction', async () => {
    const { store, sync, id } = await storeWithFlag();
    const stamp = { requestId: crypto.randomUUID(), channel: 'revealFlag', actor: OPERATOR, atMs: 5_000 };
    const detail = await store.revealFlag(id, OPERATOR, 'calling the district', 5_000, stamp);
    expect(detail.id).toBe(id);
    expect((await store.getRequestResult(stamp.requestId))!.resultJson).toBe(JSON.stringify({ flagId: id }));
    void sync;
  });

  it('a core that died before the commit acts once on the retry, on a restarted core', async () => {
    const { store, sync, id, reopen } = await storeWithFlag();
    const first = await coreOn(store, sync);
    const requestId = crypto.randomUUID();
    failTheAnswer(sync);
    await expect(first.handlers.acknowledge({ id, operator: OPERATOR, requestId }, desk)).rejects.toThrow(
      /injected fault/,
    );
    expect(counts(sync, id)).toEqual({ state: 'new', acknowledged: 0, answers: 0 });

    const restarted = reopen(); // the temporary trigger (the fault) went with the old connection
    const second = await coreOn(restarted.store, restarted.sync);
    const answer = await second.handlers.acknowledge({ id, operator: OPERATOR, requestId }, desk);
    expect(answer).toMatchObject({ id, state: 'acknowledged' });
    expect(counts(restarted.sync, id)).toEqual({ state: 'acknowledged', acknowledged: 1, answers: 1 });
  });

  it('a command answered before a restart gets its first answer after it, and the flag one event', async () => {
    const { store, sync, id, reopen } = await storeWithFlag();
    const first = await coreOn(store, sync);
    const requestId = crypto.randomUUID();
    // The answer is lost on its way to the desk; the core dies.
    const lost = await first.handlers.acknowledge({ id, operator: OPERATOR, requestId }, desk);
    expect(counts(sync, id)).toEqual({ state: 'acknowledged', acknowledged: 1, answers: 1 });

    const restarted = reopen();
    const second = await coreOn(restarted.store, restarted.sync);
    const retried = await second.handlers.acknowledge({ id, operator: OPERATOR, requestId }, desk);
    expect(retried).toEqual(lost);
    expect(counts(restarted.sync, id)).toEqual({ state: 'acknowledged', acknowledged: 1, answers: 1 });
    // Without the id the same command is a new one, and the store refuses the repeat.
    await expect(second.handlers.acknowledge({ id, operator: OPERATOR }, desk)).rejects.toMatchObject({
      kind: 'conflict',
    });
  });

  it("a roster's answer is recorded by the store as the channel gives it: the roster read back", async () => {
    const { store, sync } = await storeWithFlag();
    addTestAccount(sync.database, 'Sup Atomwal', 'supervisor');
    const core = await coreOn(store, sync);
    const supervisor: CallContext = { role: 'desk', connection: 'desk-2' };
    await core.handlers.logon(
      { name: 'Sup Atomwal', password: TEST_PASSWORD, bannerAccepted: true },
      supervisor,
    );
    const { shiftId } = await core.handlers.getHandover({}, supervisor);
    const requestId = crypto.randomUUID();
    const entries = [
      { desk: 'D2', operator: 'HC Ravi Demoria', supervisor: false },
      { desk: 'D1', operator: 'SI Asha Testwal', supervisor: true },
    ];
    const answer = await core.handlers.setRoster({ shiftId, entries, requestId }, supervisor);
    expect(JSON.parse((await store.getRequestResult(requestId))!.resultJson)).toEqual(answer);
    expect(await core.handlers.setRoster({ shiftId, entries: [], requestId }, supervisor)).toEqual(answer);
    expect(await store.getRoster(shiftId)).toHaveLength(2);
  });

  it('a silence, whose effect is in the core, has its answer recorded after it', async () => {
    const { store, sync } = await storeWithFlag();
    const core = await coreOn(store, sync);
    const requestId = crypto.randomUUID();
    const state = await core.handlers.silenceAlarm(
      { operator: OPERATOR, reason: 'phoning the district', minutes: 5, requestId },
      desk,
    );
    const known = await store.getRequestResult(requestId);
    expect(known).toMatchObject({ channel: 'silenceAlarm', actor: OPERATOR });
    expect(JSON.parse(known!.resultJson)).toEqual(JSON.parse(JSON.stringify(state)));
    expect(
      await core.handlers.silenceAlarm({ operator: OPERATOR, reason: 'again', minutes: 5, requestId }, desk),
    ).toEqual(JSON.parse(JSON.stringify(state)));
  });
});
