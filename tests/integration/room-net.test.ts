// Issue #18, transport and trust: several devices against one core over TLS 1.3 on loopback.
// Enrolment by one-time code, a pinned certificate, revocation that cuts a device off at once,
// faults that stay in their connection, and a wall that never receives a personal field.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startContractListener } from '../../electron/main/core/host/contract-listener';
import { loadOrCreateCoreCertificate, CORE_KEY_FILE } from '../../electron/main/core/net/core-certificate';
import {
  CoreRefusedError,
  FingerprintMismatchError,
  RoomConnection,
  enrolDevice,
  openPinnedSocket,
} from '../../electron/main/core/net/room-client';
import { DEVICE_COOKIE } from '../../electron/main/core/net/enrol-endpoint';
import { REVOKED_CLOSE_CODE, REVOKED_REASON } from '../../shared/room/close-codes';
import { revokeDevice } from '../../electron/main/core/store/sqlite/device-queries';
import { makeFlag } from '../helpers/flags';
import { OPERATOR, startRoomRig, type RoomRig, type RoomRigOptions } from '../helpers/room-rig';
import { tempDir } from '../helpers/temp-store';

let rig: RoomRig | undefined;
const open: RoomConnection[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) c.ws.terminate();
  await rig?.close();
  rig = undefined;
});
const start = async (options: RoomRigOptions = {}) => (rig = await startRoomRig(options));

async function enrolAndConnect(current: RoomRig, name: string, kind: 'desk' | 'wall') {
  const enrolment = await enrolDevice(current.pinned, current.newCode(name, kind));
  const connection = await RoomConnection.connect(current.pinned, enrolment.credential);
  open.push(connection);
  return { enrolment, connection };
}

describe('the core on the network', () => {
  it('refuses a non-loopback listen address without TLS before it listens', async () => {
    const listen = vi.spyOn(net.Server.prototype, 'listen');
    try {
      await expect(
        startContractListener({
          core: {} as never,
          log: () => {},
          listenHost: '0.0.0.0', // a configuration value only: it is refused, nothing is sent
          admit: () => ({ refused: 'never', status: '403 Forbidden' }),
          handleRequest: () => {},
        }),
      ).rejects.toMatchObject({ kind: 'invalid_request', field: 'listen' });
      expect(listen).not.toHaveBeenCalled();
    } finally {
      listen.mockRestore();
    }
  });

  it('makes its certificate once, keeps the key owner-only, and loads the same one again', async () => {
    const dir = tempDir();
    const first = await loadOrCreateCoreCertificate({ dataDir: dir });
    expect(first.source).toBe('created');
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(Buffer.from(first.spkiSha256, 'base64')).toHaveLength(32);
    expect(fs.statSync(path.join(dir, CORE_KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateCoreCertificate({ dataDir: dir });
    expect(again).toMatchObject({ source: 'data directory', fingerprint: first.fingerprint });
    fs.chmodSync(path.join(dir, CORE_KEY_FILE), 0o644);
    await expect(loadOrCreateCoreCertificate({ dataDir: dir })).rejects.toThrow(/readable by others/);
  });

  it('speaks TLS 1.3 only: a TLS 1.2 client is refused in the handshake', async () => {
    const current = await start();
    const failed = await new Promise<Error>((resolve) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port: current.room.port,
        maxVersion: 'TLSv1.2',
        rejectUnauthorized: false,
      });
      socket.once('secureConnect', () => resolve(new Error('connected')));
      socket.once('error', resolve);
    });
    expect(failed.message).not.toBe('connected');
    await current.waitForLog(/refused a TLS handshake/);
  });
});

describe('enrolment', () => {
  it('a code enrols its device once; the device connects as its kind and operators log on as today', async () => {
    const current = await start();
    const { enrolment, connection } = await enrolAndConnect(current, 'Desk 3', 'desk');
    expect(enrolment.device).toMatchObject({ name: 'Desk 3', kind: 'desk' });
    expect(enrolment.credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await connection.invoke('getSession')).toMatchObject({ ok: true, value: { role: 'desk' } });
    expect(
      await connection.invoke('logon', {
        name: OPERATOR.name,
        password: OPERATOR.password,
        bannerAccepted: true,
      }),
    ).toMatchObject({ ok: true, value: { name: OPERATOR.name } });
    // Only the hash is stored.
    const stored = current.sync.database.prepare('SELECT credential_hash AS h FROM devices').get() as {
      h: string;
    };
    expect(stored.h).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(current.sync.database.prepare('SELECT * FROM devices').all())).not.toContain(
      enrolment.credential,
    );
    connection.close();
    await connection.closed;
    await current.waitForLog(/device \d+ disconnected/);
    const actions = current.auditActions().map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'device.enrolment_created',
        'device.enrolled',
        'device.connected',
        'device.disconnected',
      ]),
    );
  });

  it('a reused code is refused, and the refusal is audited with why', async () => {
    const current = await start();
    const code = current.newCode('Wall 1', 'wall');
    await enrolDevice(current.pinned, code);
    const second = enrolDevice(current.pinned, code);
    await expect(second).rejects.toBeInstanceOf(CoreRefusedError);
    await expect(second).rejects.toMatchObject({ status: 403 });
    const refusal = current.auditActions().find((a) => a.action === 'device.enrolment_refused');
    expect(JSON.parse(refusal!.detail)).toMatchObject({ refusal: 'used', peer: '127.0.0.1' });
  });

  it('an expired code is refused', async () => {
    const current = await start();
    const code = current.newCode('Desk 4', 'desk', { atMs: Date.now() - 11 * 60_000, ttlMs: 10 * 60_000 });
    await expect(enrolDevice(current.pinned, code)).rejects.toMatchObject({ status: 403 });
    const refusal = current.auditActions().find((a) => a.action === 'device.enrolment_refused');
    expect(refusal).toMatchObject({ target: 'Desk 4' });
    expect(JSON.parse(refusal!.detail)).toMatchObject({ refusal: 'expired' });
    expect(current.sync.database.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 0 });
  });

  it('attempts beyond the rate limit are answered 429 without looking at the code', async () => {
    const current = await start({ enrolLimits: { perAddressPerMinute: 2 } });
    const code = current.newCode('Desk 5', 'desk');
    for (let i = 0; i < 2; i++)
      await expect(enrolDevice(current.pinned, 'AAAA-AAAA-AAAA')).rejects.toMatchObject({ status: 403 });
    await expect(enrolDevice(current.pinned, code)).rejects.toMatchObject({ status: 429 });
  });

  it('a client pinning another certificate refuses the core and sends it nothing (the code stays unused)', async () => {
    const current = await start();
    const other = await loadOrCreateCoreCertificate({ dataDir: tempDir() });
    const code = current.newCode('Desk 6', 'desk');
    const refused = enrolDevice({ ...current.pinned, fingerprint: other.fingerprint }, code);
    await expect(refused).rejects.toBeInstanceOf(FingerprintMismatchError);
    await expect(refused).rejects.toMatchObject({ presented: current.cert.fingerprint });
    // Had the code reached the core it would be spent; it was not, so the right pin still enrols.
    expect((await enrolDevice(current.pinned, code)).device.name).toBe('Desk 6');
    // The same refusal on the WebSocket path.
    await expect(
      RoomConnection.connect({ ...current.pinned, fingerprint: other.fingerprint }, 'x'.repeat(43)),
    ).rejects.toBeInstanceOf(FingerprintMismatchError);
  });
});

describe('revocation', () => {
  it('a revoked device is cut off at once, is told why, and cannot reconnect', async () => {
    const current = await start();
    const { enrolment, connection } = await enrolAndConnect(current, 'Desk 7', 'desk');
    const { connection: otherDesk } = await enrolAndConnect(current, 'Desk 8', 'desk');
    // As `lifeline device revoke` does it: another connection to the database, not the core.
    revokeDevice(current.sync.database, 'Desk 7', 'Admin Testroom', Date.now());
    expect(await connection.closed).toEqual({ code: REVOKED_CLOSE_CODE, reason: 'revoked' });
    const again = RoomConnection.connect(current.pinned, enrolment.credential);
    await expect(again).rejects.toBeInstanceOf(CoreRefusedError);
    await expect(again).rejects.toMatchObject({ reason: 'revoked' });
    // The other desk is untouched.
    expect(await otherDesk.invoke('getFeedHealth')).toMatchObject({ ok: true });
    const actions = current.auditActions().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['device.revoked', 'device.connect_refused']));
  });

  it('a revoked browser page that reloads gets the handshake and the revoked close; an unknown cookie only a refusal', async () => {
    const current = await start();
    const { enrolment, connection } = await enrolAndConnect(current, 'Wall 9', 'wall');
    revokeDevice(current.sync.database, 'Wall 9', 'Admin Testroom', Date.now());
    await connection.closed;
    const before = current.auditActions().filter((a) => a.action === 'device.connect_refused').length;

    // As the page does it: its own Origin and the HttpOnly cookie, no header credential.
    const asBrowser = async (credential: string) => {
      const socket = await openPinnedSocket(current.pinned);
      const url = new URL('/ws', current.pinned.url);
      const ws = new WebSocket(url.toString().replace(/^https:/, 'wss:'), {
        createConnection: () => socket,
        headers: { Cookie: `${DEVICE_COOKIE}=${credential}`, Origin: `https://${url.host}` },
        perMessageDeflate: false,
      });
      const messages: unknown[] = [];
      ws.on('message', (data) => messages.push(data));
      return new Promise<{
        opened: boolean;
        close?: { code: number; reason: string };
        status?: number;
        messages: unknown[];
      }>((resolve) => {
        let opened = false;
        ws.once('open', () => (opened = true));
        ws.once('close', (code, reason) =>
          resolve({ opened, close: { code, reason: reason.toString() }, messages }),
        );
        ws.once('unexpected-response', (_req, res) => {
          res.resume();
          ws.terminate();
          resolve({ opened, status: res.statusCode ?? 0, messages });
        });
        ws.on('error', () => undefined);
      });
    };
    expect(await asBrowser(enrolment.credential)).toEqual({
      opened: true,
      close: { code: REVOKED_CLOSE_CODE, reason: REVOKED_REASON },
      messages: [],
    });
    // The refused connect is audited as before, once.
    const after = current.auditActions().filter((a) => a.action === 'device.connect_refused').length;
    expect(after).toBe(before + 1);
    // An unknown credential learns nothing: the plain refusal, no handshake.
    expect(await asBrowser('A'.repeat(43))).toEqual({ opened: false, status: 403, messages: [] });
  });
});

describe('faults stay in their connection over TLS', () => {
  it('invalid UTF-8 from a wall closes that connection 1007; a desk is still served', async () => {
    const current = await start();
    const { connection: wall } = await enrolAndConnect(current, 'Wall 2', 'wall');
    const { connection: desk } = await enrolAndConnect(current, 'Desk 9', 'desk');
    wall.ws.send(Buffer.from([0xc3, 0x28]), { binary: false });
    expect((await wall.closed).code).toBe(1007);
    await current.waitForLog(/failed: WS_ERR_INVALID_UTF8/);
    expect(await desk.invoke('getFeedHealth')).toMatchObject({ ok: true });
  });

  it('a malformed frame closes 1008; a flood of requests is answered busy beyond the cap', async () => {
    const current = await start({ limits: { maxInFlightPerConnection: 4 } });
    const { connection: bad } = await enrolAndConnect(current, 'Desk 10', 'desk');
    bad.ws.send('{"type":"invoke","id":"not a number"}');
    expect(await bad.closed).toMatchObject({ code: 1008 });
    const { connection: flood } = await enrolAndConnect(current, 'Desk 11', 'desk');
    const answers = await Promise.all(Array.from({ length: 200 }, () => flood.invoke('listQueue')));
    const busy = answers.filter((a) => (a as { error?: { kind?: string } }).error?.kind === 'busy');
    expect(answers.length - busy.length).toBeGreaterThan(0);
    const { connection: other } = await enrolAndConnect(current, 'Desk 12', 'desk');
    expect(await other.invoke('getFeedHealth')).toMatchObject({ ok: true });
  });
});

describe('half-open sockets over TLS', () => {
  it('a TCP connect that never starts TLS, and a TLS socket that never sends a request, are closed', async () => {
    // Long enough for a TLS handshake with both cores busy (2 s was not, once, under a load of 13):
    // the handshake must finish before it for the second socket to test what it says.
    const current = await start({ limits: { handshakeTimeoutMs: 6000 } });
    const closedOf = (socket: net.Socket) =>
      new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const silentTcp = net.connect(current.room.port, '127.0.0.1');
    silentTcp.on('error', () => {});
    const silentTls = tls.connect({ host: '127.0.0.1', port: current.room.port, rejectUnauthorized: false });
    silentTls.on('error', () => {});
    const handshaken = new Promise<void>((resolve) => silentTls.once('secureConnect', () => resolve()));
    await handshaken; // the TLS socket really was accepted, then says nothing
    await Promise.all([closedOf(silentTcp), closedOf(silentTls)]);
    const { connection } = await enrolAndConnect(current, 'Desk 14', 'desk');
    expect(await connection.invoke('getFeedHealth')).toMatchObject({ ok: true });
  });

  it('a WebSocket quiet for longer than the handshake timeout stays open (the timer is on the TLS socket)', async () => {
    const current = await start({ limits: { handshakeTimeoutMs: 1000, heartbeatMs: 1200 } });
    const { connection } = await enrolAndConnect(current, 'Desk 15', 'desk');
    // Two heartbeats from the core, 1.2 s apart: each silence longer than the 1 s handshake timeout.
    await new Promise<void>((resolve) => {
      let pings = 0;
      connection.ws.on('ping', () => {
        if (++pings === 2) resolve();
      });
    });
    expect(await connection.invoke('getFeedHealth')).toMatchObject({ ok: true });
  });
});

describe('the wall over the network', () => {
  it('receives no personal field in any frame, while a desk gets the same flag', async () => {
    const current = await start();
    const { connection: wall } = await enrolAndConnect(current, 'Wall 3', 'wall');
    const { connection: desk } = await enrolAndConnect(current, 'Desk 13', 'desk');
    expect(await wall.invoke('getSession')).toMatchObject({ ok: true, value: { role: 'wall' } });
    const arrived = (c: RoomConnection) =>
      new Promise<void>((resolve) =>
        c.onEvent((e) => {
          if (e.event === 'queueChanged' && JSON.stringify(e.payload).includes('fl_wallnet')) resolve();
        }),
      );
    const onWall = arrived(wall);
    const onDesk = arrived(desk);
    current.sim.publish(makeFlag({ id: 'fl_wallnet', risk: 'imminent' }));
    await Promise.all([onWall, onDesk]);
    expect(await wall.invoke('listQueue')).toMatchObject({ ok: true });
    expect(await wall.invoke('getFlagDetail', { id: 'fl_wallnet' })).toMatchObject({ ok: false });
    expect(
      await wall.invoke('revealFlag', { id: 'fl_wallnet', operator: 'x', reason: 'calling the police' }),
    ).toMatchObject({
      ok: false,
    });
    // The canary is in the flag (the desk may reveal it); no frame the wall received carries it.
    expect(JSON.stringify(makeFlag({ id: 'x' }))).toContain('Canarywala');
    expect(wall.frames.length).toBeGreaterThan(2);
    for (const frame of wall.frames) expect(frame).not.toContain('Canarywala');
  });
});
