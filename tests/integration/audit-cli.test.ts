// `lifeline verify`, run from source as a child process like tests/integration/cli.test.ts: exit 0
// and the trail's head on a sound store; non-zero naming the first broken entry after tampering;
// never a personal field in its output.
import { lifeline } from '../helpers/cli';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../electron/main/core/store/sqlite/open-database';
import { CANARY, makeFlag } from '../helpers/flags';
import { openTempStore, pageInput, tempDir } from '../helpers/temp-store';

describe('lifeline verify', () => {
  it('passes a sound store, and names the first altered entry (seq and time) once tampered with', () => {
    const dir = tempDir();
    const key = crypto.randomBytes(32);
    const { sync, file } = openTempStore(dir, key);
    sync.commitPage(pageInput([makeFlag({ id: 'fl_v1' }), makeFlag({ id: 'fl_v2' })]));
    sync.acknowledge('fl_v1', 'Op A', Date.parse('2026-12-01T22:41:07.538Z'));
    sync.acknowledge('fl_v2', 'Op A', Date.parse('2026-12-01T22:42:00.000Z'));
    sync.close();
    const env = { LIFELINE_DATA_DIR: dir, LIFELINE_DB_KEY: key.toString('hex') };

    const good = lifeline(['verify'], env);
    expect(good.err).toBe('');
    expect(good.out).toContain('integrity_check: ok');
    expect(good.out).toMatch(/cipher integrity \(page HMACs\): ok, \d+ pages in use read and authenticated/);
    expect(good.out).toMatch(
      /audit trail: ok, 3 entries chained; last entry seq 3 at 2026-12-01T22:42:00\.00Z, hash [0-9a-f]{64}/,
    );
    expect(good.out).toContain('verify: ok');
    expect(good.code).toBe(0);

    const db = openEncryptedDatabase(file, key, { createIfMissing: false });
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET actor = 'Op Z' WHERE seq = 2`).run();
    db.close();
    const bad = lifeline(['verify'], env);
    expect(bad.out).toContain(
      'audit trail: BROKEN at entry seq 2 (2026-12-01T22:41:07.53Z): its contents do not match its hash',
    );
    expect(bad.out).toContain('audit triggers: MISSING audit_log_no_update');
    expect(bad.out).toContain('verify: FAILED');
    expect(bad.code).toBe(4);

    for (const out of [good.out, bad.out])
      for (const canary of Object.values(CANARY)) expect(out).not.toContain(canary);
  });

  it('fails a file whose encrypted pages were altered, without a stack trace', () => {
    const dir = tempDir();
    const key = crypto.randomBytes(32);
    const { sync, file } = openTempStore(dir, key);
    sync.commitPage(pageInput(Array.from({ length: 200 }, (_, i) => makeFlag({ id: `fl_p${i}` }))));
    sync.close();
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 3_000]! ^= 0xff; // inside the last page, past page 1 (the key check)
    fs.writeFileSync(file, bytes);
    const r = lifeline(['verify'], { LIFELINE_DATA_DIR: dir, LIFELINE_DB_KEY: key.toString('hex') });
    expect(r.out).toMatch(/cipher integrity \(page HMACs\): FAILED\n {2}SQLITE_CORRUPT/);
    expect(r.out).toContain('verify: FAILED');
    expect(r.code).toBe(4);
  });

  it('has help, and says plainly when there is no database', () => {
    const help = lifeline(['verify', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toContain('lifeline verify');
    const dir = tempDir();
    const none = lifeline(['verify'], { LIFELINE_DATA_DIR: dir, LIFELINE_DB_KEY: '00'.repeat(32) });
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/No database in/);
  });
});
