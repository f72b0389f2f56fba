// Main's side of the desktop enrolment screen (electron/main/shell/enrol-screen.ts) against a real
// room core over TLS, with the keychain faked (the Electron binary is not available here; the
// module imports only electron's types). The screen's steps: probe shows the core's fingerprint
// and sends nothing; enrol pins exactly the fingerprint the person checked; the keychain is
// checked before the code is spent; start only after an enrolment.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateCoreCertificate } from '../../electron/main/core/net/core-certificate';
import { enrolScreenHandler } from '../../electron/main/shell/enrol-screen';
import { DEVICE_CREDENTIAL_FILE, loadDevice } from '../../electron/main/shell/remote-core';
import { startRoomRig, type RoomRig } from '../helpers/room-rig';
import { tempDir } from '../helpers/temp-store';

type SafeStorage = Parameters<typeof loadDevice>[0];

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
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('the enrolment screen, main side', () => {
  it('shows the core fingerprint, enrols with it, keeps the credential wrapped, then starts', async () => {
    const current = (rig = await startRoomRig());
    const userDataDir = tempDir();
    let started = 0;
    const handle = enrolScreenHandler({
      safeStorage: fakeSafeStorage(),
      userDataDir,
      platform: 'linux',
      onStart: () => started++,
    });
    const address = current.pinned.url;
    expect(await handle({ step: 'start' })).toEqual({ ok: false, error: 'failed' });
    const probe = await handle({ step: 'probe', address });
    expect(probe).toEqual({ ok: true, step: 'probe', fingerprint: current.cert.fingerprint });
    const code = current.newCode('Desk 9', 'desk');
    const enrolled = await handle({ step: 'enrol', address, fingerprint: current.cert.fingerprint, code });
    expect(enrolled).toEqual({ ok: true, step: 'enrol', device: { name: 'Desk 9', kind: 'desk' } });
    const device = loadDevice(fakeSafeStorage(), path.join(userDataDir, 'device'), 'linux')!;
    expect(device).toMatchObject({
      core: { url: address, fingerprint: current.cert.fingerprint },
      kind: 'desk',
    });
    expect(fs.readFileSync(path.join(userDataDir, 'device', DEVICE_CREDENTIAL_FILE), 'utf8')).not.toContain(
      device.credential,
    );
    expect(await handle({ step: 'start' })).toEqual({ ok: true, step: 'start' });
    expect(started).toBe(1);
  });

  it('tells whoever enrols a district control room desk the units it was enrolled for', async () => {
    const current = (rig = await startRoomRig());
    const handle = enrolScreenHandler({
      safeStorage: fakeSafeStorage(),
      userDataDir: tempDir(),
      platform: 'linux',
      onStart: () => {},
    });
    const code = current.newCode('Jodhpur CR', 'desk', { units: ['jodhpur-control-room'] });
    const address = current.pinned.url;
    expect(await handle({ step: 'enrol', address, fingerprint: current.cert.fingerprint, code })).toEqual({
      ok: true,
      step: 'enrol',
      device: { name: 'Jodhpur CR', kind: 'desk', units: ['jodhpur-control-room'] },
    });
  });

  it('another certificate than the one checked, or a weak keychain: refused, and the code is not spent', async () => {
    const current = (rig = await startRoomRig());
    const other = await loadOrCreateCoreCertificate({ dataDir: tempDir() });
    const address = current.pinned.url;
    const code = current.newCode('Desk 10', 'desk');
    const weak = enrolScreenHandler({
      safeStorage: fakeSafeStorage('basic_text'),
      userDataDir: tempDir(),
      platform: 'linux',
    });
    expect(await weak({ step: 'enrol', address, fingerprint: current.cert.fingerprint, code })).toEqual({
      ok: false,
      error: 'keychain_unavailable',
    });
    const handle = enrolScreenHandler({
      safeStorage: fakeSafeStorage(),
      userDataDir: tempDir(),
      platform: 'linux',
    });
    expect(await handle({ step: 'enrol', address, fingerprint: other.fingerprint, code })).toEqual({
      ok: false,
      error: 'fingerprint_changed',
    });
    // The same code still enrols: nothing was presented to the core before.
    expect(
      await handle({ step: 'enrol', address, fingerprint: current.cert.fingerprint, code }),
    ).toMatchObject({
      ok: true,
    });
    expect(await handle({ step: 'enrol', address, fingerprint: current.cert.fingerprint, code })).toEqual({
      ok: false,
      error: 'code_refused',
    });
  });

  it('names a wrong address, a wrong code shape and a core that is not there', async () => {
    const handle = enrolScreenHandler({
      safeStorage: fakeSafeStorage(),
      userDataDir: tempDir(),
      platform: 'linux',
    });
    expect(await handle({ step: 'probe', address: 'http://10.0.0.1:8443' })).toEqual({
      ok: false,
      error: 'invalid_address',
    });
    expect(await handle({ step: 'probe', address: 'https://10.0.0.1:8443/enrol?x' })).toEqual({
      ok: false,
      error: 'invalid_address',
    });
    const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':');
    expect(
      await handle({ step: 'enrol', address: 'https://127.0.0.1:1', fingerprint, code: 'not a code!!' }),
    ).toEqual({
      ok: false,
      error: 'invalid_code',
    });
    expect(await handle({ step: 'probe', address: 'https://127.0.0.1:1' })).toEqual({
      ok: false,
      error: 'unreachable',
    });
  });
});
