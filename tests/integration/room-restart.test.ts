// The core restarts under a connected desk: the desk notices, reconnects by itself to the same
// address, and finds the same queue; nothing acknowledged before the restart alarms again, and a
// command retried across the restart still gets its first answer (the answers are in the store).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { hashPassword } from '../../electron/main/core/accounts/passwords';
import { createConsoleCore, type ConsoleCore } from '../../electron/main/core/console-core';
import { defaultFeedConfig } from '../../electron/main/core/feed/poller';
import { startHeadlessHost, type HeadlessHost } from '../../electron/main/core/host/headless-host';
import { startSimulator, type Simulator } from '../../electron/main/core/simulator/simulator-server';
import { createWsApi } from '../../renderer/api/ws-client';
import type { ConnectionState } from '../../renderer/api/connection';
import { makeFlag } from '../helpers/flags';
import { openTempStore, tempDir } from '../helpers/temp-store';

const DESK = 'desk-token-restart';
const OPERATOR = { name: 'Op Restartwal', password: 'correct horse battery' };

let sim: Simulator | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
  await sim?.close();
});

it('after a core restart the desk is back on the same queue, and nothing acknowledged alarms again', async () => {
  sim = await startSimulator({ token: 't0k3n', runId: 'r' });
  const { store, sync } = openTempStore();
  cleanups.push(() => sync.close());
  await store.createAccount(
    { name: OPERATOR.name, role: 'operator', passwordHash: await hashPassword(OPERATOR.password) },
    'test',
    0,
  );
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const startCore = async (): Promise<{ core: ConsoleCore; host: HeadlessHost }> => {
    const core = createConsoleCore({
      store,
      host: 'headless',
      version: 'test',
      feed: defaultFeedConfig({ baseUrl: sim!.url, token: 't0k3n', pollIntervalMs: 500, training: true }),
      tickMs: 100,
      log: () => {},
    });
    await core.start();
    const host = await startHeadlessHost({
      core,
      rendererDir,
      deskToken: DESK,
      port,
      log: () => {},
    });
    return { core, host };
  };
  let port = 0; // the first start picks one; the restart comes back on it
  const first = await startCore();
  port = first.host.port;
  const origin = `http://127.0.0.1:${first.host.port}`;

  const states: { state: ConnectionState; atMs: number }[] = [];
  const waiters: (() => void)[] = [];
  const api = createWsApi(`ws://127.0.0.1:${first.host.port}/ws?token=${DESK}`, (url) => {
    const ws = new WebSocket(url, { origin });
    ws.on('error', () => {});
    return ws as unknown as globalThis.WebSocket;
  });
  cleanups.push(() => api.close());
  api.onConnection((state) => {
    states.push({ state, atMs: Date.now() });
    for (const w of waiters.splice(0)) w();
  });
  const alarms: string[][] = [];
  api.on('alarm', (alarm) => {
    alarms.push(alarm.flagIds);
    for (const w of waiters.splice(0)) w();
  });
  const until = async (test: () => boolean) => {
    while (!test()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  const logOn = () => api.invoke('logon', { ...OPERATOR, bannerAccepted: true });
  await until(() => states.some((s) => s.state === 'connected'));
  await logOn();

  sim.publish(makeFlag({ id: 'fl_before_restart', risk: 'imminent' }));
  await until(() => alarms.some((ids) => ids.includes('fl_before_restart')));
  const requestId = crypto.randomUUID();
  const acknowledged = await api.invoke('acknowledge', {
    id: 'fl_before_restart',
    operator: OPERATOR.name,
    requestId,
  });

  // The core stops (a restart: its process ends, the store stays) and comes back on the same port.
  const stoppedAt = Date.now();
  await first.host.close();
  await first.core.stop();
  await until(() => states.some((s) => s.state === 'reconnecting' && s.atMs >= stoppedAt));
  const second = await startCore();
  cleanups.push(async () => {
    await second.host.close();
    await second.core.stop();
  });
  const restartedAt = Date.now();
  await until(() => states.some((s) => s.state === 'connected' && s.atMs >= restartedAt));

  // Same queue; the acknowledged flag is not alarming in the restarted core.
  const alarm = await api.invoke('getAlarm', {});
  expect(alarm.flagIds).not.toContain('fl_before_restart');
  expect(alarm.sound.flag).toBeNull();
  const queue = await api.invoke('listQueue', {});
  expect(queue.find((item) => item.id === 'fl_before_restart')?.state).toBe('acknowledged');
  // The session lived in the old core's memory: the desk logs on again (docs/operations.md, the room setup).
  expect((await api.invoke('getSession', {})).user).toBeNull();
  await logOn();
  // The same command retried across the restart: its first answer, from the store, not a conflict.
  await expect(
    api.invoke('acknowledge', { id: 'fl_before_restart', operator: OPERATOR.name, requestId }),
  ).resolves.toEqual(acknowledged);
});
