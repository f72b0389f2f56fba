// `lifeline serve` and `lifeline device` as an administrator uses them: the core started as its own
// process (built-in simulator feed, TLS on loopback), a code from `device enrol`, a device enrolled
// and connected with the Node client, then `device revoke` from another process cuts it off.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreRefusedError, RoomConnection, enrolDevice } from '../../electron/main/core/net/room-client';
import { addTestAccount, TEST_PASSWORD } from '../helpers/accounts';
import { lifeline } from '../helpers/cli';
import { createTestDatabase } from '../helpers/test-pg';
import { openTempStore, tempDir } from '../helpers/temp-store';
import { hashEnrolmentCode, normaliseEnrolmentCode } from '../../electron/main/core/net/device-secrets';
import { redeemEnrolment } from '../../electron/main/core/store/sqlite/device-queries';

const cli = path.resolve(__dirname, '../../electron/main/cli/index.ts');
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  child = undefined;
});

function installation() {
  const dir = tempDir();
  const key = crypto.randomBytes(32);
  const { sync } = openTempStore(dir, key);
  addTestAccount(sync.database, 'Admin Asha', 'administrator');
  addTestAccount(sync.database, 'Op Testwal', 'operator');
  sync.close();
  return { dir, env: { LIFELINE_DATA_DIR: dir, LIFELINE_DB_KEY: key.toString('hex') } };
}

function serve(
  env: Record<string, string>,
  extra: string[] = [],
): Promise<{ port: number; fingerprint: string; spki: string }> {
  const withoutLifeline = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('LIFELINE_')),
  );
  child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--listen', '127.0.0.1', ...extra], {
    env: { ...withoutLifeline, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^LIFELINE_READY (.*)$/m.exec(out);
      if (line) resolve(JSON.parse(line[1]!));
    });
    child!.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child!.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

describe('lifeline serve and lifeline device', { timeout: 90_000 }, () => {
  it('enrols by a printed code, shows the fingerprint, lists, and revokes a connected device at once', async () => {
    const { env } = installation();
    const core = await serve(env);
    expect(core.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const enrol = lifeline(['device', 'enrol', '--name', 'Desk 3', '--kind', 'desk', '--by', 'Admin Asha'], {
      ...env,
      LIFELINE_PASSWORD: TEST_PASSWORD,
    });
    expect(enrol.err).toBe('');
    const code = /code for Desk 3 \(desk\): (\S+)/.exec(enrol.out)![1]!;
    expect(enrol.out).toContain('(10 minutes), once');
    expect(enrol.out).toContain(core.fingerprint); // the same fingerprint at the core and at enrolment

    // An operator may not enrol devices.
    const byOperator = lifeline(
      ['device', 'enrol', '--name', 'Wall 1', '--kind', 'wall', '--by', 'Op Testwal'],
      {
        ...env,
        LIFELINE_PASSWORD: TEST_PASSWORD,
      },
    );
    expect(byOperator.err).toMatch(/the operator role may not enrol a device/);

    const pinned = { url: `https://127.0.0.1:${core.port}`, fingerprint: core.fingerprint };
    const { credential } = await enrolDevice(pinned, code.toLowerCase()); // as typed: any case
    const desk = await RoomConnection.connect(pinned, credential);
    expect(await desk.invoke('getSession')).toMatchObject({ ok: true, value: { role: 'desk' } });

    expect(lifeline(['device', 'list'], env).out).toMatch(/^Desk 3\tdesk\tenrolled .* by Admin Asha$/m);
    const revoke = lifeline(['device', 'revoke', '--name', 'Desk 3', '--by', 'Admin Asha'], {
      ...env,
      LIFELINE_PASSWORD: TEST_PASSWORD,
    });
    expect(revoke.out).toContain('revoked Desk 3 (desk)');
    expect(await desk.closed).toEqual({ code: 4003, reason: 'revoked' });
    await expect(RoomConnection.connect(pinned, credential)).rejects.toBeInstanceOf(CoreRefusedError);
    expect(lifeline(['device', 'list'], env).out).toMatch(/^Desk 3\tdesk\t.*\tREVOKED .* by Admin Asha$/m);
  });

  it('enrols a district control room desk for its units, and refuses units for a wall or unknown ones', () => {
    const { dir, env } = installation();
    const auth = { ...env, LIFELINE_PASSWORD: TEST_PASSWORD };
    const enrol = (...more: string[]) =>
      lifeline(['device', 'enrol', '--name', 'Jodhpur CR', '--by', 'Admin Asha', ...more], auth);
    expect(enrol('--kind', 'wall', '--units', 'jodhpur-control-room').err).toMatch(
      /--units: only with device enrol --kind desk/,
    );
    expect(enrol('--kind', 'desk', '--units', 'atlantis-control-room').err).toMatch(
      /--units: atlantis-control-room is not a unit of the registry in force/,
    );
    const made = enrol('--kind', 'desk', '--units', 'jodhpur-control-room,jaipur-control-room');
    expect(made.err).toBe('');
    const code =
      /code for Jodhpur CR \(desk, district control room: jodhpur-control-room, jaipur-control-room\): (\S+)/.exec(
        made.out,
      )![1]!;
    // As the core does when the desk presents the code (lifeline serve is not needed for the record).
    const { sync } = openTempStore(dir, Buffer.from(env.LIFELINE_DB_KEY, 'hex'));
    expect(
      redeemEnrolment(
        sync.database,
        hashEnrolmentCode(normaliseEnrolmentCode(code)!),
        'c'.repeat(64),
        Date.now(),
      ),
    ).toMatchObject({ ok: true, device: { units: ['jodhpur-control-room', 'jaipur-control-room'] } });
    sync.close();
    expect(lifeline(['device', 'list'], env).out).toMatch(
      /^Jodhpur CR\tdesk\tjodhpur-control-room,jaipur-control-room\tenrolled .* by Admin Asha$/m,
    );
  });

  it('serves a shared PostgreSQL from a data directory that does not exist yet (only its TLS identity lives there)', async () => {
    const db = await createTestDatabase();
    try {
      const dataDir = path.join(tempDir(), 'core-kota');
      const key = crypto.randomBytes(32).toString('hex');
      const core = await serve(
        {
          LIFELINE_DATA_DIR: dataDir,
          LIFELINE_DB_KEY: key,
          LIFELINE_DATABASE_URL: db.url,
          LIFELINE_CORE_NAME: 'kota-1',
        },
        ['--init'],
      );
      expect(core.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(fs.readdirSync(dataDir).sort()).toEqual(['core-tls-cert.pem', 'core-tls-key.pem']);
    } finally {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child!.kill('SIGTERM');
      await exited;
      await db.drop();
    }
  });

  it('refuses a bad --kind and an unknown device to revoke, naming the field', () => {
    const { env } = installation();
    const auth = { ...env, LIFELINE_PASSWORD: TEST_PASSWORD };
    expect(
      lifeline(['device', 'enrol', '--name', 'Desk 3', '--kind', 'kiosk', '--by', 'Admin Asha'], auth).err,
    ).toMatch(/--kind: one of desk, wall/);
    expect(lifeline(['device', 'revoke', '--name', 'Desk 9', '--by', 'Admin Asha'], auth).err).toMatch(
      /--name Desk 9: no enrolled device/,
    );
  });
});
