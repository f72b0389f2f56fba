// The desk in client mode: the core runs elsewhere in the room (`lifeline serve`), and main relays
// the contract between it and the renderer through the same preload and IPC channels, so the
// renderer cannot tell a remote core from an embedded one. Main holds the device credential,
// wrapped by the OS keychain through safeStorage (never in the renderer, never in a URL), and
// opens one connection to the core per window: each window is its own logon session there, as it
// is with the embedded core.
import fs from 'node:fs';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, SafeStorage, WebContents } from 'electron';
import type { ViewRole } from '../../../shared/contract';
import { ContractError } from '../../../shared/errors';
import { IPC_CONNECTION, IPC_EVENT, IPC_INVOKE } from '../../../shared/ipc-channels';
import type { HeartbeatRule } from '../../../shared/room/heartbeat';
import { normaliseFingerprint } from '../core/net/core-certificate';
import {
  superviseRoomLink,
  type LinkSupervisor,
  type SupervisedConnection,
} from '../core/net/link-supervisor';
import type { PinnedCore } from '../core/net/room-client';
import type { FrameCheck, RoleOf } from './ipc-wiring';

export const DEVICE_CREDENTIAL_FILE = 'device-credential.json';
const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

export interface StoredDevice {
  core: PinnedCore;
  kind: ViewRole;
  credential: string;
}

/** Throws when the keychain cannot keep the credential safely (checked before a code is spent, too). */
export function checkKeychain(safeStorage: SafeStorage, platform: NodeJS.Platform): void {
  if (!safeStorage.isEncryptionAvailable())
    throw new ContractError(
      'unavailable',
      'The OS keychain is not available: the device credential cannot be kept.',
    );
  // As for the database key: a weak backend would wrap the credential with a password built into Chromium.
  if (platform === 'linux' && WEAK_BACKENDS.has(safeStorage.getSelectedStorageBackend()))
    throw new ContractError(
      'unavailable',
      `The OS keychain backend is "${safeStorage.getSelectedStorageBackend()}", which does not protect the device credential. Unlock a keyring first.`,
    );
}

/** Keeps the credential wrapped by the keychain, beside the core's address and pinned fingerprint. */
export function saveDevice(
  safeStorage: SafeStorage,
  dir: string,
  device: StoredDevice,
  platform: NodeJS.Platform = process.platform,
): void {
  checkKeychain(safeStorage, platform);
  const record = {
    version: 1,
    url: device.core.url,
    fingerprint: device.core.fingerprint,
    kind: device.kind,
    credential: safeStorage.encryptString(device.credential).toString('base64'),
  };
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, DEVICE_CREDENTIAL_FILE);
  fs.writeFileSync(`${file}.new`, JSON.stringify(record) + '\n', { mode: 0o600 });
  fs.renameSync(`${file}.new`, file);
}

/** The enrolled device of this machine, or null when it has not been enrolled. */
export function loadDevice(
  safeStorage: SafeStorage,
  dir: string,
  platform: NodeJS.Platform = process.platform,
): StoredDevice | null {
  const file = path.join(dir, DEVICE_CREDENTIAL_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const invalid = (what: string) =>
    new ContractError('invalid_request', `${file}: ${what}. Delete it and enrol this desk again.`);
  let record: { url?: unknown; fingerprint?: unknown; kind?: unknown; credential?: unknown };
  try {
    record = JSON.parse(text);
  } catch {
    throw invalid('not JSON');
  }
  if (typeof record.url !== 'string' || !record.url.startsWith('https://'))
    throw invalid('url: an https:// address');
  if (typeof record.fingerprint !== 'string' || normaliseFingerprint(record.fingerprint) === null)
    throw invalid('fingerprint: a SHA-256 fingerprint');
  if (record.kind !== 'desk' && record.kind !== 'wall') throw invalid('kind: desk or wall');
  if (typeof record.credential !== 'string') throw invalid('credential: missing');
  checkKeychain(safeStorage, platform);
  return {
    core: { url: record.url, fingerprint: record.fingerprint },
    kind: record.kind,
    credential: safeStorage.decryptString(Buffer.from(record.credential, 'base64')),
  };
}

export interface RemoteRelay {
  /** Ends the window's connection (its logon session at the core ends with it). */
  release(contents: { id: number }): void;
  closeAll(): void;
}

/**
 * Registers the contract's IPC handler for client mode: the same frame and role checks as the
 * embedded core's, then the call goes to the window's own connection to the core. A window whose
 * role is not the device's kind is refused: a desk device does not open a wall's window, nor the
 * reverse (the core decides the role by the device, and the window must not pretend otherwise).
 *
 * Each window's link is supervised from the window's first word (core/net/link-supervisor.ts):
 * heartbeats, reconnecting with backoff and the session's resume token, and its state sent to the
 * window on IPC_CONNECTION at every change, so a desk says NOT CONNECTED within 5 s of a cable pull
 * and resynchronises its queue when the link is back, as the page does in a browser.
 */
export function relayRemoteContract(
  ipcMain: IpcMain,
  device: { kind: ViewRole },
  connect: (resumeToken: string | null) => Promise<SupervisedConnection>,
  isTrustedUrl: FrameCheck,
  roleOf: RoleOf,
  heartbeat?: HeartbeatRule,
): RemoteRelay {
  const links = new Map<number, LinkSupervisor>();

  function linkFor(sender: WebContents): LinkSupervisor {
    const existing = links.get(sender.id);
    if (existing) return existing;
    const link = superviseRoomLink({
      connect,
      ...(heartbeat ? { heartbeat } : {}),
      onEvent: ({ event, payload }) => {
        if (!sender.isDestroyed()) sender.send(IPC_EVENT, event, payload);
      },
      onState: (state) => {
        if (!sender.isDestroyed()) sender.send(IPC_CONNECTION, state);
      },
    });
    links.set(sender.id, link);
    return link;
  }

  /** The refusal for a call from a frame or window that may not reach this core; null when it may. */
  function refusal(event: IpcMainInvokeEvent): unknown {
    const frame = event.senderFrame;
    const role = roleOf(event.sender);
    if (!frame || frame !== event.sender.mainFrame || !isTrustedUrl(frame.url) || role === null)
      return { ok: false, error: { kind: 'forbidden', message: 'Call from an untrusted frame refused.' } };
    if (role !== device.kind)
      return {
        ok: false,
        error: { kind: 'forbidden', message: `This machine is enrolled as a ${device.kind}, not a ${role}.` },
      };
    return null;
  }

  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) => {
    const refused = refusal(event);
    if (refused) return refused;
    if (typeof channel !== 'string')
      return {
        ok: false,
        error: { kind: 'invalid_request', message: 'channel: a string.', field: 'channel' },
      };
    return linkFor(event.sender).invoke(channel, payload);
  });

  // The window asks once, at its start, for the state of its link (which starts it); changes follow.
  ipcMain.handle(IPC_CONNECTION, (event: IpcMainInvokeEvent) => {
    if (refusal(event)) return null;
    return linkFor(event.sender).state;
  });

  return {
    release(contents) {
      links.get(contents.id)?.close();
      links.delete(contents.id);
    },
    closeAll() {
      for (const id of [...links.keys()]) this.release({ id });
    },
  };
}
