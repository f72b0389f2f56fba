// Issue 15, item 7: whoever holds the database key can rewrite the audit trail so that it verifies
// (drop the append-only triggers, delete the flag.revealed entries, re-chain, restore the
// triggers). The chain alone cannot see that; an anchor kept outside the database can: each signed
// handover carries the head at signing, and `lifeline verify --anchor HASH` checks a noted one.
import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS_PREV_HASH, type AuditEntry } from '../../electron/main/core/audit/audit-chain';
import type { SqliteDatabase } from '../../electron/main/core/store/sqlite/open-database';
import { revealFlag } from '../../electron/main/core/store/sqlite/reveal-queries';
import { DEFAULT_SCHEDULE, instanceOf } from '../../shared/shifts/schedule';
import { lifeline } from '../helpers/cli';
import { cliStore } from '../helpers/cli-store';
import { makeFlag } from '../helpers/flags';
import { pageInput } from '../helpers/temp-store';

const shift = instanceOf(DEFAULT_SCHEDULE, '2026-11-25', 'night');
const MIN = 60_000;

/** The attack, as a key holder would do it: every hash after the removed entries recomputed. */
function rewriteTrailWithout(db: SqliteDatabase, drop: (entry: AuditEntry) => boolean): number {
  const guards = db
    .prepare<[], { sql: string }>(
      `SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('audit_log_no_update', 'audit_log_no_delete')`,
    )
    .all();
  expect(guards).toHaveLength(2);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  const entries = db.prepare<[], AuditEntry>('SELECT * FROM audit_log ORDER BY seq').all();
  db.exec('DELETE FROM audit_log');
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, at_ms, actor, desk, action, target, outcome, detail_json, prev_hash, hash)
     VALUES (@seq, @at, @at_ms, @actor, @desk, @action, @target, @outcome, @detail_json, @prev_hash, @hash)`,
  );
  let prev = GENESIS_PREV_HASH;
  let seq = 0;
  let dropped = 0;
  for (const entry of entries) {
    if (drop(entry)) {
      dropped++;
      continue;
    }
    const rewritten = { ...entry, seq: ++seq, prev_hash: prev };
    prev = rewritten.hash = auditHash(rewritten);
    insert.run(rewritten);
  }
  for (const { sql } of guards) db.exec(sql);
  return dropped;
}

function seedWithReveals(s: ReturnType<typeof cliStore>) {
  const sync = s.open();
  sync.commitPage(pageInput([makeFlag({ id: 'fl_anchor_1' }), makeFlag({ id: 'fl_anchor_2' })]));
  revealFlag(sync.database, 'fl_anchor_1', 'Op Rekha', 'address for the visit', shift.startMs + MIN);
  revealFlag(sync.database, 'fl_anchor_2', 'Op Rekha', 'curious', shift.startMs + 2 * MIN);
  sync.acknowledge('fl_anchor_1', 'Op Rekha', shift.startMs + 3 * MIN);
  return sync;
}

const headHash = (out: string) => /last entry seq \d+ at \S+, hash ([0-9a-f]{64})/.exec(out)![1]!;

describe('audit anchors', () => {
  it('a rewritten trail verifies on its own, but no longer passes through a hash noted before', () => {
    const s = cliStore();
    seedWithReveals(s).close();
    const noted = lifeline(['verify'], s.env);
    expect(noted.code).toBe(0);
    const anchor = headHash(noted.out);
    const before = lifeline(['verify', '--anchor', anchor.toUpperCase()], s.env);
    expect(before.out).toContain(
      'audit anchors: ok, the trail passes through all 1 (0 from signed handovers, 1 given)',
    );
    expect(before.code).toBe(0);

    const sync = s.open();
    expect(rewriteTrailWithout(sync.database, (e) => e.action === 'flag.revealed')).toBe(2);
    sync.close();

    // The chain alone is satisfied: this is the hole the anchor closes.
    const plain = lifeline(['verify'], s.env);
    expect(plain.out).toContain('audit trail: ok');
    expect(plain.out).toContain('audit triggers: ok');
    const after = lifeline(['verify', '--anchor', anchor], s.env);
    expect(after.out).toContain('audit anchors: FAILED, 1 of 1 not in the trail');
    expect(after.out).toContain(`given, hash ${anchor}: no entry has that hash`);
    expect(after.out).toContain('verify: FAILED');
    expect(after.code).toBe(4);
  });

  it('each signed handover carries the head at signing, and verify checks every stored one', () => {
    const s = cliStore();
    const sync = seedWithReveals(s);
    const head = sync.database
      .prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get()!;
    const at = shift.endMs - 5 * MIN;
    const record = sync.signHandover(sync.handoverSummary(shift, at, false), 'quiet night', 'Sup Imran', at);
    expect(record.summary.auditAnchor).toEqual(head);
    // The anchor is part of what was signed: the record's SHA-256 covers it.
    expect(sync.getHandover(shift.id)!.summary.auditAnchor).toEqual(head);
    sync.close();

    const before = lifeline(['verify'], s.env);
    expect(before.out).toContain(
      'audit anchors: ok, the trail passes through all 1 (1 from signed handovers, 0 given)',
    );
    expect(before.code).toBe(0);

    const tamper = s.open();
    rewriteTrailWithout(tamper.database, (e) => e.action === 'flag.revealed');
    tamper.close();
    const after = lifeline(['verify'], s.env);
    expect(after.out).toContain('audit trail: ok');
    expect(after.out).toContain(
      `handover ${shift.id} (seq ${head.seq}), hash ${head.hash}: the trail no longer reaches that entry`,
    );
    expect(after.code).toBe(4);
  });

  it('refuses an anchor that is not a SHA-256, naming the flag', () => {
    const s = cliStore();
    const r = lifeline(['verify', '--anchor', 'abc'], s.env);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--anchor: the 64 hexadecimal characters of an audit hash');
  });
});
