// The Electron desk in client mode, with electron mocked: main keeps the device credential wrapped
// by (a stand-in for) safeStorage, and relays the contract from a real core over TLS to the window
// through the same IPC channels — the renderer's calls and events are those of an embedded core.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_CONNECTION, IPC_EVENT, IPC_INVOKE } from '../../shared/ipc-channels';
import { RoomConnection, enrolDevice } from '../../electron/main/core/net/room-client';
import { revokeDevice } from '../../electron/main/core/store/sqlite/device-queries';
import {
  DEVICE_CREDENTIAL_FILE,
  loadDevice,
  relayRemoteContract,
  saveDevice,
  type RemoteRelay,
} from '../../electron/main/shell/remote-core';
import { startClientMode } from '../../electron/main/shell/client-mode';
import { makeFlag } from '../helpers/flags';
import { OPERATOR, startRoomRig, type RoomRig } from '../helpers/room-rig';
import { tempDir } from '../helpers/temp-store';

vi.mock('electron', () => ({}));

// Electron's types, taken from the functions under test (tests may not import electron).
type SafeStorage = Parameters<typeof saveDevice>[0];
type IpcMain = Parameters<typeof relayRemoteContract>[0];
type WebContents = Parameters<Parameters<typeof relayRemoteContract>[4]>[0];

/** Wraps by XOR with a per-test key: enough to show the file never holds the credential as given. */
function fakeSafeStorage(backend = 'gnome_libsecret'): SafeStorage {
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => mask(Buffer.from(text, 'utf8')),
    decryptString: (b: Buffer) => mask(b).toString('utf8'),
  } as unknown as SafeStorage;
}

let rig: RoomRig | undefined;
let relay: RemoteRelay | undefined;
afterEach(async () => {
  relay?.closeAll();
  relay = undefined;
  await rig?.close();
  rig = undefined;
});

describe('the device credential in client mode', () => {
  it('is kept wrapped by the keychain, owner-only, and read back', () => {
    const dir = tempDir();
    const device = {
      core: { url: 'https://127.0.0.1:8443', fingerprint: 'AB:'.repeat(31) + 'AB' },
      kind: 'desk' as const,
      credential: 'c'.repeat(43),
    };
    saveDevice(fakeSafeStorage(), dir, device, 'linux');
    const file = path.join(dir, DEVICE_CREDENTIAL_FILE);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(device.credential);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadDevice(fakeSafeStorage(), dir, 'linux')).toEqual(device);
    expect(loadDevice(fakeSafeStorage(), tempDir(), 'linux')).toBeNull();
  });

  it('is refused to a weak keychain backend, and a damaged file names its field', () => {
    const dir = tempDir();
    const device = {
      core: { url: 'https://x:1', fingerprint: 'AB:'.repeat(31) + 'AB' },
      kind: 'wall' as const,
      credential: 'x',
    };
    expect(() => saveDevice(fakeSafeStorage('basic_text'), dir, device, 'linux')).toThrow(/does not protect/);
    fs.writeFileSync(
      path.join(dir, DEVICE_CREDENTIAL_FILE),
      JSON.stringify({ url: 'http://x', fingerprint: '', kind: 'desk' }),
    );
    expect(() => loadDevice(fakeSafeStorage(), dir, 'linux')).toThrow(/url: an https:\/\/ address/);
  });
});

describe('the relay from a remote core to the window', () => {
  function fakeWindow(id: number, url = 'app://lifeline/index.html') {
    const sent: { event: string; payload: unknown }[] = [];
    const mainFrame = { url };
    const waiters: (() => void)[] = [];
    const contents = {
      id,
      mainFrame,
      isDestroyed: () => false,
      send: (channel: string, event: string, payload: unknown) => {
        if (channel === IPC_EVENT) sent.push({ event, payload });
        // The link's state, as the window's preload receives it: recorded as a pseudo-event.
        if (channel === IPC_CONNECTION) sent.push({ event: 'connection', payload: event });
        for (const wake of waiters.splice(0)) wake();
      },
    } as unknown as WebContents;
    return {
      contents,
      sent,
      event: { sender: contents, senderFrame: mainFrame },
      async until(predicate: (e: { event: string; payload: unknown }) => boolean) {
        while (!sent.some(predicate)) await new Promise<void>((wake) => waiters.push(wake));
      },
    };
  }

  it('answers the window as the core does, pushes the core events, and refuses a window of the wrong kind', async () => {
    rig = await startRoomRig();
    const enrolment = await enrolDevice(rig.pinned, rig.newCode('Desk 21', 'desk'));
    const dir = tempDir();
    saveDevice(
      fakeSafeStorage(),
      dir,
      { core: rig.pinned, kind: 'desk', credential: enrolment.credential },
      'linux',
    );
    const device = loadDevice(fakeSafeStorage(), dir, 'linux')!;
    let handler: ((event: unknown, channel: unknown, payload: unknown) => Promise<unknown>) | undefined;
    const ipcMain = {
      handle: (channel: string, h: typeof handler) => {
        if (channel === IPC_INVOKE) handler = h;
      },
    } as unknown as IpcMain;
    const roles = new Map<number, 'desk' | 'wall'>([
      [1, 'desk'],
      [2, 'wall'],
    ]);
    relay = relayRemoteContract(
      ipcMain,
      device,
      () => RoomConnection.connect(device.core, device.credential),
      (url) => url === 'app://lifeline/index.html',
      (contents) => roles.get(contents.id) ?? null,
    );
    const desk = fakeWindow(1);
    expect(await handler!(desk.event, 'getSession', {})).toMatchObject({ ok: true, value: { role: 'desk' } });
    await desk.until((e) => e.event === 'connection' && e.payload === 'connected');
    expect(
      await handler!(desk.event, 'logon', {
        name: OPERATOR.name,
        password: OPERATOR.password,
        bannerAccepted: true,
      }),
    ).toMatchObject({ ok: true, value: { name: OPERATOR.name } });
    rig.sim.publish(makeFlag({ id: 'fl_relay', risk: 'high' }));
    await desk.until((e) => e.event === 'queueChanged' && JSON.stringify(e.payload).includes('fl_relay'));

    const wall = fakeWindow(2);
    expect(await handler!(wall.event, 'listQueue', {})).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    const stranger = fakeWindow(1, 'https://evil.invalid/');
    expect(await handler!(stranger.event, 'listQueue', {})).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });

    // Revoked at the core: the window's connection ends, the window is told at once over IPC (not
    // on its next call), and a call says why.
    revokeDevice(rig.sync.database, 'Desk 21', 'Admin Testroom', Date.now());
    await desk.until((e) => e.event === 'connection' && e.payload === 'revoked');
    expect(await handler!(desk.event, 'listQueue', {})).toMatchObject({
      ok: false,
      error: { kind: 'unavailable', message: expect.stringMatching(/revoked/) },
    });
  });
});

describe('starting in client mode', () => {
  const argValue = (args: string[], name: string) =>
    args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const ipcMain = { handle: () => {} } as unknown as IpcMain;
  const common = {
    safeStorage: fakeSafeStorage(),
    ipcMain,
    isTrustedUrl: () => true,
    roleOf: () => null,
    argValue,
  };

  it('runs the embedded core when this machine is not enrolled and no enrolment is asked for', async () => {
    expect(await startClientMode({ ...common, args: [], userDataDir: tempDir() })).toBeNull();
  });

  it('refuses an enrolment code without the core and its fingerprint', async () => {
    await expect(
      startClientMode({ ...common, args: ['--enrol-code=AAAA-AAAA-AAAA'], userDataDir: tempDir() }),
    ).rejects.toMatchObject({ field: 'core' });
  });

  it('enrols once with the flags, then starts as the enrolled device without them', async () => {
    rig = await startRoomRig();
    const userDataDir = tempDir();
    const args = [
      `--core=${rig.pinned.url}`,
      `--core-fingerprint=${rig.cert.fingerprint}`,
      `--enrol-code=${rig.newCode('Wall 22', 'wall')}`,
    ];
    const first = await startClientMode({ ...common, args, userDataDir });
    expect(first?.device).toMatchObject({ kind: 'wall', core: rig.pinned });
    relay = first!.relay;
    const again = await startClientMode({ ...common, args: [], userDataDir });
    expect(again?.device.credential).toBe(first!.device.credential);
  });
});
