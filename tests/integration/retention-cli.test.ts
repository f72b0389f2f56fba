// `lifeline purge` and `lifeline export`, run from source as child processes like
// tests/integration/audit-cli.test.ts: counts only, never a personal field, in their output; both
// recorded in the audit trail with --by; the export's range checkable against the chain.
import { lifeline } from '../helpers/cli';
import { addTestAccount, TEST_PASSWORD } from '../helpers/accounts';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditHash, type AuditEntry } from '../../electron/main/core/audit/audit-chain';
import { verifyAuditChain } from '../../electron/main/core/store/sqlite/audit-queries';
import { openEncryptedDatabase } from '../../electron/main/core/store/sqlite/open-database';
import { DAY_MS } from '../../electron/main/core/retention/retention-policy';
import { CANARY, makeFlag } from '../helpers/flags';
import { openTempStore, pageInput, tempDir } from '../helpers/temp-store';

function storeWithClosedFlags() {
  const dir = tempDir();
  const key = crypto.randomBytes(32);
  const { sync, store, file } = openTempStore(dir, key);
  addTestAccount(sync.database, 'Sup Rao', 'supervisor');
  const now = Date.now();
  return {
    dir,
    key,
    file,
    env: { LIFELINE_DATA_DIR: dir, LIFELINE_DB_KEY: key.toString('hex'), LIFELINE_PASSWORD: TEST_PASSWORD },
    async seed() {
      sync.commitPage(
        pageInput(
          [makeFlag({ id: 'fl_old' }), makeFlag({ id: 'fl_mid' }), makeFlag({ id: 'fl_open' })],
          'c_1',
          now - 200 * DAY_MS,
        ),
      );
      sync.acknowledge('fl_old', 'Op A', now - 199 * DAY_MS);
      await store.closeFlag(
        'fl_old',
        'Op A',
        { outcome: 'false_positive', note: CANARY.phone, reason: 'no unit was needed (test set-up)' },
        now - 100 * DAY_MS,
      );
      sync.acknowledge('fl_mid', 'Op A', now - 199 * DAY_MS);
      await store.closeFlag(
        'fl_mid',
        'Op A',
        { outcome: 'duplicate', reason: 'no unit was needed (test set-up)' },
        now - 40 * DAY_MS,
      );
      sync.close();
    },
  };
}

const open = (file: string, key: Buffer) => openEncryptedDatabase(file, key, { createIfMissing: false });

describe('lifeline purge', () => {
  it('erases flags closed past the period, prints counts only and records who ran it', async () => {
    const s = storeWithClosedFlags();
    await s.seed();

    const r = lifeline(['purge', '--by', 'Sup Rao'], s.env);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/flags closed before \d{4}-\d{2}-\d{2}T[\d:.]+Z \(90 days\):/);
    expect(r.out).toContain('personal fields erased: 1 flags (1 personal records');
    expect(r.out).toContain('write-ahead log: checkpointed and truncated');

    const shorter = lifeline(['purge', '--older-than-days', '30', '--by', 'Sup Rao'], s.env);
    expect(shorter.code).toBe(0);
    expect(shorter.out).toContain('personal fields erased: 1 flags');
    for (const out of [r.out, shorter.out])
      for (const canary of Object.values(CANARY)) expect(out).not.toContain(canary);

    const db = open(s.file, s.key);
    try {
      expect(db.prepare('SELECT flag_id FROM flag_personal').pluck().all()).toEqual(['fl_open']);
      expect(
        db
          .prepare(`SELECT target, actor FROM audit_log WHERE action = 'flag.personal_erased' ORDER BY seq`)
          .raw()
          .all(),
      ).toEqual([
        ['fl_old', 'Sup Rao'],
        ['fl_mid', 'Sup Rao'],
      ]);
      expect(verifyAuditChain(db).ok).toBe(true);
    } finally {
      db.close();
    }
  });

  it('requires --by and a sensible period, and has help', async () => {
    const s = storeWithClosedFlags();
    await s.seed();
    const noBy = lifeline(['purge'], s.env);
    expect(noBy.code).toBe(2);
    expect(noBy.err).toMatch(/--by NAME is required/);
    const zero = lifeline(['purge', '--older-than-days', '0', '--by', 'Sup Rao'], s.env);
    expect(zero.code).toBe(2);
    expect(zero.err).toMatch(/--older-than-days: a whole number of days, 1–3650/);
    const unknown = lifeline(['purge', '--days', '3', '--by', 'Sup Rao'], s.env);
    expect(unknown.code).toBe(2);
    const help = lifeline(['purge', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toContain('lifeline purge --by NAME');
    const db = open(s.file, s.key);
    expect(db.prepare('SELECT count(*) FROM flag_personal').pluck().get()).toBe(3);
    db.close();
  });
});

describe('lifeline export', () => {
  it('writes the range as JSON lines with its hashes, checkable against the chain, and records the export', async () => {
    const dir = tempDir();
    const key = crypto.randomBytes(32);
    const { sync, file } = openTempStore(dir, key);
    sync.commitPage(pageInput(['a', 'b', 'c', 'd'].map((id) => makeFlag({ id: `fl_${id}` }))));
    const at = (iso: string) => Date.parse(iso);
    sync.acknowledge('fl_a', 'Op A', at('2027-05-31T23:59:59.990Z'));
    sync.acknowledge('fl_b', 'Op A', at('2027-06-01T00:00:00.000Z'));
    sync.acknowledge('fl_c', 'Op B', at('2027-06-01T12:30:00.000Z'));
    sync.acknowledge('fl_d', 'Op B', at('2027-06-02T00:00:00.000Z'));
    addTestAccount(sync.database, 'Sup Rao', 'supervisor');
    sync.close();
    const env = {
      LIFELINE_DATA_DIR: dir,
      LIFELINE_DB_KEY: key.toString('hex'),
      LIFELINE_PASSWORD: TEST_PASSWORD,
    };
    const out = path.join(dir, 'inquiry.jsonl');

    const exportDay = [
      'export',
      '--from',
      '2027-06-01T00:00:00Z',
      '--to',
      '2027-06-02T00:00:00Z',
      '--by',
      'Sup Rao',
      '--out',
      out,
    ];
    const r = lifeline(exportDay, env);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `exported 2 audit entries (2027-06-01T00:00:00.000Z … 2027-06-02T00:00:00.000Z) to ${out}`,
    );
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);

    const lines = fs
      .readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const [header, ...rest] = lines;
    const trailer = rest.pop()!;
    const entries = rest as unknown as AuditEntry[];
    expect(header).toMatchObject({ export: 'lifeline-audit', version: 1, exportedBy: 'Sup Rao' });
    expect(entries.map((e) => [e.action, e.target, e.actor])).toEqual([
      ['flag.acknowledged', 'fl_b', 'Op A'],
      ['flag.acknowledged', 'fl_c', 'Op B'],
    ]);
    // Checkable without the database: each hash from its fields, each link to the one before.
    for (const e of entries) expect(auditHash(e)).toBe(e.hash);
    expect(entries[1]!.prev_hash).toBe(entries[0]!.hash);
    expect(trailer).toMatchObject({
      entries: 2,
      firstSeq: entries[0]!.seq,
      lastSeq: entries[1]!.seq,
      firstPrevHash: entries[0]!.prev_hash,
      lastHash: entries[1]!.hash,
      seqBreaks: 0,
      chain: { ok: true },
    });

    const db = open(file, key);
    try {
      const all = db.prepare<[], AuditEntry>('SELECT * FROM audit_log ORDER BY seq').all();
      // The range's first prev_hash is the hash of the entry before it in the store.
      expect(all.find((e) => e.seq === entries[0]!.seq - 1)!.hash).toBe(entries[0]!.prev_hash);
      const recorded = all.at(-1)!;
      expect(recorded).toMatchObject({
        action: 'audit.exported',
        actor: 'Sup Rao',
        target: null,
        detail_json: JSON.stringify({
          from: '2027-06-01T00:00:00.000Z',
          to: '2027-06-02T00:00:00.000Z',
          count: 2,
        }),
      });
      expect(trailer.head).toEqual({ seq: recorded.seq, at: recorded.at, hash: recorded.hash });
      expect(verifyAuditChain(db).ok).toBe(true);
    } finally {
      db.close();
    }

    // Never over an existing file; to stdout without --out; no personal field anywhere.
    const again = lifeline(exportDay, env);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/exists already/);
    const stdout = lifeline(['export', '--from', '2000-01-01', '--to', '2100-01-01', '--by', 'Sup Rao'], env);
    expect(stdout.code).toBe(0);
    const streamed = stdout.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { action?: string });
    expect(streamed.filter((l) => l.action === 'audit.exported')).toHaveLength(1); // the first export
    for (const text of [fs.readFileSync(out, 'utf8'), stdout.out])
      for (const canary of Object.values(CANARY)) expect(text).not.toContain(canary);
  });

  it('says what is wrong with its options', () => {
    const env = { LIFELINE_DATA_DIR: tempDir(), LIFELINE_DB_KEY: '00'.repeat(32) };
    const noFrom = lifeline(['export', '--to', '2027-06-02T00:00:00Z', '--by', 'Sup Rao'], env);
    expect(noFrom.code).toBe(2);
    expect(noFrom.err).toMatch(/--from: an ISO 8601 time/);
    const backwards = lifeline(
      ['export', '--from', '2027-06-02', '--to', '2027-06-01', '--by', 'Sup Rao'],
      env,
    );
    expect(backwards.err).toMatch(/--to must be after --from/);
    const noBy = lifeline(['export', '--from', '2027-06-01', '--to', '2027-06-02'], env);
    expect(noBy.err).toMatch(/--by NAME is required/);
    const none = lifeline(['export', '--from', '2027-06-01', '--to', '2027-06-02', '--by', 'Sup Rao'], env);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/No database in/);
    expect(lifeline(['export', '--help'], {}).out).toContain('lifeline export --from ISO --to ISO --by NAME');
  });
});
