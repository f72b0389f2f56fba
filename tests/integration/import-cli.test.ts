// `lifeline import` is an account's act (issue 15, item 8): --by with a role that may import, the
// flags' events carry that name, and one audit entry holds the file's SHA-256 and the counts.
// Quarantined lines are listed by number, field and rule, never content, and the same file gives
// the same exit code every time (issue 17, item 9).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lifeline } from '../helpers/cli';
import { cliStore } from '../helpers/cli-store';
import { CANARY, makeFlag } from '../helpers/flags';
import { pageInput } from '../helpers/temp-store';

function ndjson(dir: string, name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('lifeline import', () => {
  it('needs --by, and an account whose role may import (supervisor or administrator)', () => {
    const s = cliStore([
      ['Sup Imran', 'supervisor'],
      ['Op Olga', 'operator'],
      ['Aud Anil', 'auditor'],
    ]);
    const file = ndjson(s.dir, 'one.ndjson', [JSON.stringify(makeFlag({ id: 'fl_by_1' }))]);

    const anonymous = lifeline(['import', file], s.env);
    expect(anonymous.code).toBe(2);
    expect(anonymous.err).toMatch(/--by NAME is required/);
    for (const who of ['Op Olga', 'Aud Anil']) {
      const refused = lifeline(['import', file, '--by', who], s.env);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/may not import flags \(supervisor or administrator only\)/);
    }
    const wrongPassword = lifeline(['import', file, '--by', 'Sup Imran'], {
      ...s.env,
      LIFELINE_PASSWORD: 'not the password',
    });
    expect(wrongPassword.code).toBe(1);
    const sync = s.open();
    expect(sync.getFlagDetail('fl_by_1')).toBeNull();
    sync.close();
  });

  it('a withdrawal by file names its importer in the events and leaves one audit entry with the SHA-256 and counts', () => {
    const s = cliStore();
    const sync = s.open();
    sync.commitPage(pageInput([makeFlag({ id: 'fl_open', revision: 1 })]));
    sync.close();
    const file = ndjson(s.dir, 'withdraw.ndjson', [
      JSON.stringify(makeFlag({ id: 'fl_open', revision: 2, status: 'withdrawn' })),
      JSON.stringify(makeFlag({ id: 'fl_new' })),
    ]);

    const r = lifeline(['import', file, '--by', 'Sup Imran'], s.env);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(r.out).toContain(`file sha256 ${sha256}; recorded in the audit trail (import.file, by Sup Imran)`);

    const after = s.open();
    const events = after.getFlagDetail('fl_open')!.events.filter((e) => e.kind !== 'received');
    expect(events.map((e) => [e.kind, e.actor])).toEqual([
      ['revised', 'Sup Imran'],
      ['withdrawn', 'Sup Imran'],
    ]);
    expect(after.getFlagDetail('fl_new')!.events[0]).toMatchObject({ kind: 'received', actor: 'Sup Imran' });
    const audit = after.database
      .prepare<[], { actor: string; detail_json: string }>(
        `SELECT actor, detail_json FROM audit_log WHERE action = 'import.file'`,
      )
      .all();
    after.close();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('Sup Imran');
    expect(JSON.parse(audit[0]!.detail_json)).toEqual({
      sha256,
      completed: true,
      training: false,
      lines: 2,
      stored: 2,
      inserted: 1,
      revised: 1,
      duplicates: 0,
      stale: 0,
      quarantined: 0,
    });
  });

  it('lists each quarantined line by number, field and rule (never its content), and exits 3 on every import of the file', () => {
    const s = cliStore();
    const good = makeFlag({ id: 'fl_q_good' });
    const file = ndjson(s.dir, 'mixed.ndjson', [
      JSON.stringify(good),
      `{not json ${CANARY.name}`,
      JSON.stringify(makeFlag({ id: 'fl_q_risk', risk: 'low' })),
      '',
      JSON.stringify(makeFlag({ id: 'fl_q_when', flagged_at: `${CANARY.phone}` })),
      JSON.stringify(good),
    ]);

    const first = lifeline(['import', file, '--by', 'Sup Imran'], s.env);
    const second = lifeline(['import', file, '--by', 'Sup Imran'], s.env);
    expect(first.code).toBe(3);
    expect(second.code).toBe(3);
    expect(first.out).toContain('1 new, 0 revised, 1 already stored, 0 older revisions, 3 quarantined\n');
    expect(second.out).toContain(
      '0 new, 0 revised, 2 already stored, 0 older revisions, 3 quarantined (3 of them quarantined before)',
    );
    for (const out of [first.out, second.out]) {
      expect(out).toMatch(/\n {2}line 2: \(line\): a line must be one JSON object/);
      expect(out).toMatch(/\n {2}line 3: risk: /);
      expect(out).toMatch(/\n {2}line 5: flagged_at: /);
      expect(out).not.toMatch(/line [146]:/);
      for (const canary of Object.values(CANARY)) expect(out).not.toContain(canary);
    }
  });

  it('never creates a database (an import needs accounts)', () => {
    const s = cliStore();
    const file = ndjson(s.dir, 'one.ndjson', [JSON.stringify(makeFlag())]);
    const elsewhere = path.join(s.dir, 'not-mounted');
    const r = lifeline(['import', file, '--by', 'Sup Imran'], { ...s.env, LIFELINE_DATA_DIR: elsewhere });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No database in .*not-mounted/);
    expect(fs.existsSync(elsewhere)).toBe(false);
  });
});
