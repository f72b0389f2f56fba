// The `lifeline` command line, run from source as a child process (the built one is exercised by
// the e2e tests): import with validation and idempotence, status without personal data, clear errors.
import fs from 'node:fs';
import { lifeline } from '../helpers/cli';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/main/core/store/sqlite/migrations';
import { CANARY, makeFlag } from '../helpers/flags';
import { cliStore } from '../helpers/cli-store';
import { fileKeyProvider, mayCreateDatabase } from '../../electron/main/core/key/key-provider';

describe('lifeline CLI', () => {
  it("imports NDJSON with the feed's validation, quarantine and idempotence, and reports status without personal data", () => {
    const s = cliStore();
    const dir = s.dir;
    const env = s.env;
    const file = path.join(dir, 'flags.ndjson');
    const good = makeFlag({ id: 'fl_imp_1' });
    fs.writeFileSync(
      file,
      [
        JSON.stringify(good),
        '{not json',
        JSON.stringify(makeFlag({ id: 'fl_imp_2', risk: 'low' })),
        '',
        JSON.stringify(good),
      ].join('\n'),
    );
    const by = ['--by', 'Sup Imran'];
    const first = lifeline(['import', file, ...by], env);
    expect(first.err).toBe('');
    expect(first.out).toContain('1 new, 0 revised, 1 already stored, 0 older revisions, 2 quarantined');
    expect(first.code).toBe(3);
    const again = lifeline(['import', file, ...by], env);
    expect(again.out).toContain(
      '0 new, 0 revised, 2 already stored, 0 older revisions, 2 quarantined (2 of them quarantined before)',
    );
    expect(again.code).toBe(3);

    const status = lifeline(['status', '--json'], env);
    expect(status.code).toBe(0);
    const report = JSON.parse(status.out);
    expect(report).toMatchObject({
      engine: 'sqlite',
      version: String(LATEST_SCHEMA_VERSION),
      flagsByState: { new: 1 },
      quarantined: 2,
      feedHealth: null,
    });
    for (const canary of Object.values(CANARY)) expect(status.out).not.toContain(canary);
    expect(report.alarmsLast24h).toMatchObject({ alarms: 1, silences: 0 });
  });

  it('refuses a database whose key file is missing, without touching it', () => {
    const s = cliStore();
    fs.rmSync(s.keyFile);
    const r = lifeline(['status'], s.env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/key file .* is missing but a database exists/);
    expect(fs.existsSync(s.keyFile)).toBe(false);
  });

  it('never starts a new, empty database beside an existing key unless told to (--init)', () => {
    const s = cliStore();
    const wrongDir = path.join(s.dir, 'not-mounted');
    const provider = fileKeyProvider(s.keyFile);
    expect(() =>
      mayCreateDatabase(provider, { databaseExists: false, init: false, dataDir: wrongDir }),
    ).toThrow(/No database in .*not-mounted, but a key already exists .*--init/);
    expect(mayCreateDatabase(provider, { databaseExists: false, init: true, dataDir: wrongDir })).toBe(true);
    const r = lifeline(['status'], { ...s.env, LIFELINE_DATA_DIR: wrongDir });
    expect(r.code).toBe(1);
    expect(fs.existsSync(wrongDir)).toBe(false);
  });

  it('names the flag and the rule for bad configuration', () => {
    expect(lifeline(['host', '--poll-interval-ms', '5'])).toMatchObject({ code: 2 });
    expect(lifeline(['host', '--poll-interval-ms', '5']).err).toMatch(
      /--poll-interval-ms \/ LIFELINE_POLL_INTERVAL_MS: must be ≥ 250/,
    );
    expect(lifeline(['host', '--idle-lock-minutes', '45']).err).toMatch(
      /--idle-lock-minutes \/ LIFELINE_IDLE_LOCK_MINUTES: must be 1–30 minutes/,
    );
    expect(lifeline(['host', '--follow-ups', '24h,1h']).err).toMatch(
      /--follow-ups \/ LIFELINE_FOLLOW_UPS: followUpAfterMs: each check-in later than the one before/,
    );
    expect(
      lifeline(['host', '--feed-url', 'http://10.0.0.1/feed'], { LIFELINE_FEED_TOKEN: 't' }).err,
    ).toMatch(/--feed-url .*loopback only/);
    expect(lifeline(['host', '--feed-url', 'https://feed.invalid']).err).toMatch(
      /--token-file \/ LIFELINE_FEED_TOKEN: is required when a feed URL/,
    );
    expect(lifeline(['status', '--bogus']).err).toBe(
      'lifeline: status has no option --bogus. See lifeline status --help for its options.\n',
    );
    // status reads the database only: a host option is not one of its own.
    expect(lifeline(['status', '--feed-url', 'https://feed.invalid']).err).toMatch(
      /status has no option --feed-url\. See lifeline status --help/,
    );
    expect(lifeline(['host', '--shifts', 'day=06:00-18:00,night=18:30-06:00']).err).toMatch(
      /--shifts \/ LIFELINE_SHIFTS: a gap between "day"/,
    );
    expect(lifeline(['frobnicate']).code).toBe(2);
    // About ten CLI processes in turn, each starting Node: CPU-bound, so slower on a busy machine.
  }, 60_000);

  it('has help for every command', () => {
    for (const command of ['host', 'import', 'status', 'simulator', 'verify']) {
      const r = lifeline([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.out).toContain(`lifeline ${command}`);
    }
    expect(lifeline(['--help']).out).toContain('Commands:');
  });

  it("shows each command's own options only, status promising nothing it does not do, in aligned columns", () => {
    const help = (command: string) => lifeline([command, '--help']).out;
    const hostOnly = /--feed-url|--poll-interval-ms|--shifts|--retention-days|--port/;
    for (const command of ['status', 'import', 'verify'])
      expect(help(command), command).not.toMatch(hostOnly);
    const status = help('status');
    expect(status).toMatch(/--data-dir DIR/);
    expect(status).not.toMatch(/created on first run/);
    const host = help('host').split('\n');
    const column = (variable: string) => host.find((l) => l.includes(`[${variable}]`))!.indexOf('[');
    expect(column('LIFELINE_RETENTION_DAYS')).toBe(column('LIFELINE_FEED_URL'));
    const simulator = help('simulator');
    expect(simulator).toMatch(/--rate N .*default 6/);
    expect(simulator).toMatch(/--seed N .*default 20261125/);
    expect(simulator).toMatch(/--port PORT .*default 0/);
    expect(simulator).not.toMatch(/--data-dir|--feed-url/);
  });
});
