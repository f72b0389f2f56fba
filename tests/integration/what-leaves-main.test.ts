// What main hands a desk, decided in main (issue 15, items 10 and 13): an auditor's flag detail
// holds the audit form of each event (no operator's typed text), and every report read is in the
// audit trail whatever the page does with it afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleCore } from '../../electron/main/core/console-core';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import { closeFlag } from '../../electron/main/core/store/sqlite/dispatch-queries';
import { revealFlag } from '../../electron/main/core/store/sqlite/reveal-queries';
import { inProcessStore, type SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { addTestAccount, TEST_PASSWORD } from '../helpers/accounts';
import { makeFlag } from '../helpers/flags';
import { openTempStore, pageInput } from '../helpers/temp-store';

const NOW = Date.parse('2026-12-01T10:00:00Z');
const REASON = 'Reason-typed-by-Op 4b1e: mother called the desk';
const NOTE = 'Note-typed-by-Op 9c2d: SI Kavita Invented spoke to the family';
let sync: SqliteStore | undefined;
afterEach(() => sync?.close());

const CLOSE_REASON = 'duplicate of LC-000123';

function roomWithAClosedCase() {
  const opened = openTempStore();
  sync = opened.sync;
  for (const [name, role] of [
    ['Op Desk', 'operator'],
    ['Sup Ria', 'supervisor'],
    ['Aud Mira', 'auditor'],
  ] as const)
    addTestAccount(sync.database, name, role);
  sync.commitPage(pageInput([makeFlag({ id: 'fl_typed' })], 'c1', NOW - 3_600_000));
  revealFlag(sync.database, 'fl_typed', 'Op Desk', REASON, NOW - 3_000_000);
  sync.acknowledge('fl_typed', 'Op Desk', NOW - 2_900_000);
  closeFlag(
    sync.database,
    'fl_typed',
    'Op Desk',
    // A high flag closed with no unit sent needs its reason (shared/dispatch.ts closeRefusal).
    { outcome: 'false_positive', note: NOTE, reason: CLOSE_REASON },
    NOW - 2_800_000,
  );
  const core = createConsoleCore({
    store: inProcessStore(sync),
    host: 'headless',
    version: 'test',
    now: () => NOW,
    feed: defaultFeedConfig({ baseUrl: 'http://127.0.0.1:9', token: 't', pollIntervalMs: 1000 }),
  });
  const as = async (name: string) => {
    const ctx = { role: 'desk' as const, connection: name };
    await core.handlers.logon({ name, password: TEST_PASSWORD, bannerAccepted: true }, ctx);
    return ctx;
  };
  return { core, as, db: sync.database };
}

describe('flag detail', () => {
  it("gives an auditor each event's audit form: no reveal reason, no close note, their lengths instead", async () => {
    const { core, as } = roomWithAClosedCase();
    const auditor = await core.handlers.getFlagDetail({ id: 'fl_typed' }, await as('Aud Mira'));
    const text = JSON.stringify(auditor);
    expect(text).not.toContain(REASON);
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain(CLOSE_REASON);
    const revealed = auditor.events.find((e) => e.kind === 'revealed')!;
    expect(revealed).toMatchObject({ actor: 'Op Desk', detail: { reasonLength: REASON.length } });
    const closed = auditor.events.find((e) => e.kind === 'closed')!;
    expect(closed.detail).toMatchObject({ outcome: 'false_positive', noteLength: NOTE.length });
  });

  it('gives those who work flags the text they typed', async () => {
    const { core, as } = roomWithAClosedCase();
    for (const name of ['Op Desk', 'Sup Ria']) {
      const detail = await core.handlers.getFlagDetail({ id: 'fl_typed' }, await as(name));
      const text = JSON.stringify(detail);
      expect(text).toContain(REASON);
      expect(text).toContain(NOTE);
    }
  });
});

describe('report reads', () => {
  it('are audited in main, per read, with who, the range and whether per-operator figures went out', async () => {
    const { core, as, db } = roomWithAClosedCase();
    const range = { fromMs: NOW - 7 * 86_400_000, toMs: NOW };
    // No recordReportExport call: a page that never says it exported still leaves a record.
    await core.handlers.getReport(range, await as('Sup Ria'));
    await core.handlers.getReport({ ...range, shiftKey: 'night' }, await as('Aud Mira'));
    const entries = db
      .prepare<[], { actor: string; detail_json: string }>(
        `SELECT actor, detail_json FROM audit_log WHERE action = 'report.read' ORDER BY seq`,
      )
      .all()
      .map((e) => ({ actor: e.actor, detail: JSON.parse(e.detail_json) as unknown }));
    expect(entries).toEqual([
      { actor: 'Sup Ria', detail: { ...range, shiftKey: null, byOperator: true } },
      { actor: 'Aud Mira', detail: { ...range, shiftKey: 'night', byOperator: false } },
    ]);
  });
});
