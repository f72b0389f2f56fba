// "I heard it" / "I did not hear it" through the core's handler, as a desk calls it: kept with the
// connection under the logged-on user's name (never a typed one) and written to the audit trail.
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../electron/main/core/console-core';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import type { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import type { CallContext } from '../../shared/contract';
import { openTempStore } from '../helpers/temp-store';

const opened: { core: ConsoleCore; sync: SqliteStore }[] = [];
afterEach(async () => {
  for (const { core, sync } of opened.splice(0)) {
    await core.stop();
    sync.close();
  }
});

const clock = Date.parse('2026-12-01T20:44:00Z'); // 02:14 IST
const desk = (connection: string): CallContext => ({ role: 'desk', connection });
const accepted = { bannerAccepted: true as const };

describe('sound check', { timeout: 60_000 }, () => {
  it('keeps the answer per desk, names the logged-on user, audits it, and refuses a wall', async () => {
    const { store, sync } = openTempStore();
    const core = createConsoleCore({
      store,
      host: 'headless',
      version: 'test',
      feed: defaultFeedConfig({ baseUrl: 'http://127.0.0.1:9', token: 't', pollIntervalMs: 1000 }),
      now: () => clock,
    });
    opened.push({ core, sync });
    const h = core.handlers;
    await h.createFirstAdministrator(
      { name: 'Admin Testwal', password: 'admin password 1', ...accepted },
      desk('a'),
    );
    await h.addAccount({ name: 'Op Testwal', role: 'operator', password: 'operator pass 1' }, desk('a'));
    await h.logon({ name: 'Op Testwal', password: 'operator pass 1', ...accepted }, desk('op'));

    // Not yet reported: the room would not know which desk answered.
    await expect(h.confirmAlarmHeard({ heard: true }, desk('op'))).rejects.toThrow(/not reported/);
    await h.reportClientState({ visibility: 'visible', audio: 'unknown' }, desk('op'));
    await h.reportClientState({ visibility: 'visible', audio: 'unknown' }, desk('a'));
    expect(await h.confirmAlarmHeard({ heard: false }, desk('op'))).toMatchObject({
      role: 'desk',
      number: 1,
      soundCheck: { heard: false, atMs: clock, by: 'Op Testwal' },
    });
    await h.confirmAlarmHeard({ heard: true }, desk('a'));
    const { clients } = await h.getClientStates({}, { role: 'wall', connection: 'w' });
    expect(clients.map((c) => [c.number, c.soundCheck?.heard, c.soundCheck?.by])).toEqual([
      [1, false, 'Op Testwal'],
      [2, true, 'Admin Testwal'],
    ]);
    // A wall acts on nothing, and a desk nobody logged on to cannot answer.
    await expect(h.confirmAlarmHeard({ heard: true }, { role: 'wall', connection: 'w' })).rejects.toThrow();
    await expect(h.confirmAlarmHeard({ heard: true }, desk('nobody'))).rejects.toThrow();

    const audit = sync.database
      .prepare<[], { action: string; actor: string; detail_json: string }>(
        `SELECT action, actor, detail_json FROM audit_log WHERE action LIKE 'alarm.test_%' ORDER BY seq`,
      )
      .all();
    expect(audit.map((a) => [a.action, a.actor, JSON.parse(a.detail_json)])).toEqual([
      ['alarm.test_not_heard', 'Op Testwal', { desk: 'desk 1', heard: false }],
      ['alarm.test_heard', 'Admin Testwal', { desk: 'desk 2', heard: true }],
    ]);
  });
});
