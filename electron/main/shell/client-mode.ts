// Starts the desk as a client of a remote core when this machine is enrolled (or is being enrolled
// now): `--core=https://HOST:PORT --core-fingerprint=FP --enrol-code=CODE` once, then nothing. The
// fingerprint is the one `lifeline serve` and `lifeline device enrol` print at the core: whoever
// starts the enrolment types it from there, so the pin is a person's check, not the network's word.
// Without an enrolment file and without these flags the app runs its embedded core as before.
import path from 'node:path';
import type { IpcMain, SafeStorage } from 'electron';
import { ContractError } from '../../../shared/errors';
import { enrolDevice, RoomConnection } from '../core/net/room-client';
import type { FrameCheck, RoleOf } from './ipc-wiring';
import {
  loadDevice,
  relayRemoteContract,
  saveDevice,
  type RemoteRelay,
  type StoredDevice,
} from './remote-core';

export interface ClientModeDeps {
  args: string[];
  userDataDir: string;
  safeStorage: SafeStorage;
  ipcMain: IpcMain;
  isTrustedUrl: FrameCheck;
  roleOf: RoleOf;
  argValue(args: string[], name: string): string | undefined;
}

export interface ClientMode {
  device: StoredDevice;
  relay: RemoteRelay;
}

/** The client mode's relay, or null when this machine runs its own core. */
export async function startClientMode(deps: ClientModeDeps): Promise<ClientMode | null> {
  const dir = path.join(deps.userDataDir, 'device');
  const code = deps.argValue(deps.args, 'enrol-code');
  let device = loadDevice(deps.safeStorage, dir);
  if (code !== undefined) {
    const url = deps.argValue(deps.args, 'core');
    const fingerprint = deps.argValue(deps.args, 'core-fingerprint');
    if (!url || !fingerprint)
      throw new ContractError(
        'invalid_request',
        '--enrol-code needs --core=https://HOST:PORT and --core-fingerprint=FP (as printed at the core).',
        'core',
      );
    const enrolment = await enrolDevice({ url, fingerprint }, code);
    device = { core: { url, fingerprint }, kind: enrolment.device.kind, credential: enrolment.credential };
    saveDevice(deps.safeStorage, dir, device);
  }
  if (!device) return null;
  const enrolled = device;
  const relay = relayRemoteContract(
    deps.ipcMain,
    enrolled,
    (resumeToken) => RoomConnection.connect(enrolled.core, enrolled.credential, { resumeToken }),
    deps.isTrustedUrl,
    deps.roleOf,
  );
  return { device: enrolled, relay };
}
