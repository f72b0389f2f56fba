// Issue #18, resume: a desk whose link is cut (a test-controlled TCP proxy, blackhole and reset) or
// whose core restarts comes back logged on, as it was, without a new logon; nothing acknowledged
// before alarms again. A token works only from its own device, once, and not after a logoff; a
// locked session comes back locked; a revoked device does not come back at all.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RoomConnection, CoreRefusedError, enrolDevice } from '../../electron/main/core/net/room-client';
import { revokeDevice } from '../../electron/main/core/store/sqlite/device-queries';
import { createWsApi } from '../../renderer/api/ws-client';
import type { ConnectionState } from '../../renderer/api/connection';
import { makeFlag } from '../helpers/flags';
import { OPERATOR, startRoomRig, type RoomRig } from '../helpers/room-rig';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';

let rig: RoomRig | undefined;
let proxy: TcpProxy | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0)) clean();
  await proxy?.close();
  proxy = undefined;
  await rig?.close();
  rig = undefined;
});

const LOGON = { name: OPERATOR.name, password: OPERATOR.password, bannerAccepted: true as const };

async function desk(current: RoomRig, name: string) {
  const enrolment = await enrolDevice(current.pinned, current.newCode(name, 'desk'));
  const connection = await RoomConnection.connect(current.pinned, enrolment.credential);
  cleanups.push(() => connection.ws.terminate());
  return { credential: enrolment.credential, connection };
}

async function reconnect(current: RoomRig, credential: string, resumeToken: string | null) {
  const connection = await RoomConnection.connect(current.pinned, credential, { resumeToken });
  cleanups.push(() => connection.ws.terminate());
  return connection;
}

const resumeAudit = (current: RoomRig) =>
  current
    .auditActions()
    .filter((a) => a.action.startsWith('session.resume'))
    .map(
      (a) => `${a.action}${a.action === 'session.resume_refused' ? `:${JSON.parse(a.detail).refusal}` : ''}`,
    );

describe('a desk resumes its session', () => {
  it('through a link cut in blackhole and in reset mode: NOT CONNECTED, then back logged on', async () => {
    const current = (rig = await startRoomRig());
    const { credential } = await desk(current, 'Desk 1');
    proxy = await startTcpProxy(current.room.port);
    // The page's own client (renderer/api/ws-client.ts), as an enrolled device across the proxy.
    const states: { state: ConnectionState; atMs: number }[] = [];
    const waiters: (() => void)[] = [];
    const api = createWsApi(`wss://127.0.0.1:${proxy.port}/ws`, (url) => {
      const ws = new WebSocket(url, {
        headers: { Authorization: `Bearer ${credential}` },
        // Trusts exactly the core's own certificate (which names 127.0.0.1), nothing else.
        ca: current.cert.cert,
      });
      ws.on('error', () => {});
      return ws as unknown as globalThis.WebSocket;
    });
    cleanups.push(() => api.close());
    api.onConnection((state) => {
      states.push({ state, atMs: Date.now() });
      for (const w of waiters.splice(0)) w();
    });
    const until = async (test: () => boolean) => {
      while (!test()) await new Promise<void>((resolve) => waiters.push(resolve));
    };
    const reached = (state: ConnectionState, sinceMs: number) =>
      until(() => states.some((s) => s.state === state && s.atMs >= sinceMs));
    await reached('connected', 0);
    expect(await api.invoke('logon', LOGON)).toMatchObject({ name: OPERATOR.name });

    for (const mode of ['blackhole', 'reset'] as const) {
      const cutAt = Date.now();
      proxy.setMode(mode);
      await reached('reconnecting', cutAt);
      expect(Date.now() - cutAt).toBeLessThan(5000);
      proxy.setMode('forward');
      await reached('connected', Date.now());
      const session = await api.invoke('getSession', {});
      expect(session.user?.name, `after ${mode}`).toBe(OPERATOR.name);
      expect(session.locked).toBe(false);
    }
    expect(resumeAudit(current)).toEqual(['session.resumed', 'session.resumed']);
    // The token lives at the core only as a hash, and only the current one.
    const rows = current.sync.database.prepare('SELECT token_hash AS h, binding FROM resume_tokens').all();
    expect(rows).toEqual([
      { h: expect.stringMatching(/^[0-9a-f]{64}$/), binding: expect.stringMatching(/^device-\d+$/) },
    ]);
  });

  it('across a core restart: the same session, and nothing acknowledged alarms again', async () => {
    const current = (rig = await startRoomRig());
    const { credential, connection } = await desk(current, 'Desk 2');
    await connection.invoke('logon', LOGON);
    expect(connection.resumeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const alarmed = new Promise<void>((resolve) =>
      connection.onEvent(({ event, payload }) => {
        if (event === 'alarm' && (payload as { flagIds: string[] }).flagIds.includes('fl_resume')) resolve();
      }),
    );
    current.sim.publish(makeFlag({ id: 'fl_resume', risk: 'imminent' }));
    await alarmed;
    expect(
      await connection.invoke('acknowledge', {
        id: 'fl_resume',
        operator: OPERATOR.name,
        requestId: crypto.randomUUID(),
      }),
    ).toMatchObject({ ok: true });

    const token = connection.resumeToken;
    await current.restart();
    await connection.closed;
    const again = await reconnect(current, credential, token);
    expect(again.resumed).toEqual({ ok: true });
    expect(await again.invoke('getSession')).toMatchObject({
      ok: true,
      value: { user: { name: OPERATOR.name }, locked: false },
    });
    const alarm = (await again.invoke('getAlarm')) as { ok: true; value: { flagIds: string[] } };
    expect(alarm.value.flagIds).not.toContain('fl_resume');
    // The token was used: the same one a second time is refused.
    const replay = await reconnect(current, credential, token);
    expect(replay.resumed).toEqual({ ok: false, refusal: 'unknown' });
    expect(await replay.invoke('getSession')).toMatchObject({ ok: true, value: { user: null } });
    expect(resumeAudit(current)).toEqual(['session.resumed', 'session.resume_refused:unknown']);
  });

  it('a locked session comes back locked; a logged-off one does not come back', async () => {
    const current = (rig = await startRoomRig());
    const { credential, connection } = await desk(current, 'Desk 3');
    await connection.invoke('logon', LOGON);
    await connection.invoke('lockDesk');
    const token = connection.resumeToken;
    connection.ws.terminate();
    await connection.closed;
    const again = await reconnect(current, credential, token);
    expect(again.resumed).toEqual({ ok: true });
    expect(await again.invoke('getSession')).toMatchObject({
      value: { user: { name: OPERATOR.name }, locked: true },
    });
    // Still locked at the core: anything but unlock or logoff is refused as such.
    expect(await again.invoke('getFlagDetail', { id: 'fl_none' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    await again.invoke('logoff');
    const afterLogoff = again.resumeToken;
    again.ws.terminate();
    await again.closed;
    const third = await reconnect(current, credential, afterLogoff);
    expect(third.resumed).toEqual({ ok: false, refusal: 'unknown' });
  });

  it('a token travels to no other device, and a revoked device does not come back', async () => {
    const current = (rig = await startRoomRig());
    const a = await desk(current, 'Desk 4');
    const b = await desk(current, 'Desk 5');
    await a.connection.invoke('logon', LOGON);
    const stolen = a.connection.resumeToken;
    const onB = await reconnect(current, b.credential, stolen);
    expect(onB.resumed).toEqual({ ok: false, refusal: 'other_device' });
    expect(await onB.invoke('getSession')).toMatchObject({ value: { user: null } });

    // A fresh logon at desk A, then A is revoked while its link is down: no resume, no connection.
    await a.connection.invoke('logon', LOGON);
    const token = a.connection.resumeToken;
    a.connection.ws.terminate();
    await a.connection.closed;
    revokeDevice(current.sync.database, 'Desk 4', 'Admin Testroom', Date.now());
    const refused = RoomConnection.connect(current.pinned, a.credential, { resumeToken: token });
    await expect(refused).rejects.toBeInstanceOf(CoreRefusedError);
    await expect(refused).rejects.toMatchObject({ reason: 'revoked' });
    expect(resumeAudit(current)).toEqual(['session.resume_refused:other_device']);
  });
});
