// Main's side of the desktop app's enrolment screen (shared/room/enrol-contract.ts): started with
// `--enrol`, the app opens one window on the enrolment view and answers its two steps here. The
// request is validated again here (the renderer is not trusted); the keychain is checked before the
// code is presented, so a machine that could not keep the credential does not spend the code.
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, SafeStorage } from 'electron';
import {
  ENROL_CHANNEL,
  enrolRequestSchema,
  type EnrolError,
  type EnrolResult,
} from '../../../shared/room/enrol-contract';
import { normaliseEnrolmentCode } from '../core/net/device-secrets';
import {
  CoreRefusedError,
  enrolDevice,
  FingerprintMismatchError,
  presentedFingerprint,
} from '../core/net/room-client';
import type { FrameCheck } from './ipc-wiring';
import { checkKeychain, saveDevice, type StoredDevice } from './remote-core';

export interface EnrolScreenDeps {
  safeStorage: SafeStorage;
  userDataDir: string;
  platform?: NodeJS.Platform;
  /** The person pressed Start after enrolling: main restarts into client mode. */
  onStart?: () => void;
}

const fail = (error: EnrolError): EnrolResult => ({ ok: false, error });

function errorOf(error: unknown): EnrolError {
  if (error instanceof FingerprintMismatchError) return 'fingerprint_changed';
  if (error instanceof CoreRefusedError) return error.status === 429 ? 'rate_limited' : 'code_refused';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(E[A-Z]+|ERR_SSL_.*|ERR_TLS_.*)$/.test(code)) return 'unreachable';
  if ((error as Error).message === 'timed out') return 'unreachable';
  return 'failed';
}

export function enrolScreenHandler(deps: EnrolScreenDeps): (request: unknown) => Promise<EnrolResult> {
  const platform = deps.platform ?? process.platform;
  let enrolled = false;
  return async (request) => {
    const parsed = enrolRequestSchema.safeParse(request);
    if (!parsed.success)
      return fail(parsed.error.issues.some((i) => i.path[0] === 'code') ? 'invalid_code' : 'invalid_address');
    const r = parsed.data;
    if (r.step === 'start') {
      if (!enrolled) return fail('failed');
      deps.onStart?.();
      return { ok: true, step: 'start' };
    }
    const url = r.address;
    try {
      if (r.step === 'probe')
        return { ok: true, step: 'probe', fingerprint: await presentedFingerprint(url) };
      if (normaliseEnrolmentCode(r.code) === null) return fail('invalid_code');
      try {
        checkKeychain(deps.safeStorage, platform);
      } catch {
        return fail('keychain_unavailable');
      }
      const core = { url, fingerprint: r.fingerprint };
      const enrolment = await enrolDevice(core, r.code);
      const device: StoredDevice = { core, kind: enrolment.device.kind, credential: enrolment.credential };
      saveDevice(deps.safeStorage, path.join(deps.userDataDir, 'device'), device, platform);
      enrolled = true;
      return {
        ok: true,
        step: 'enrol',
        device: {
          name: enrolment.device.name,
          kind: enrolment.device.kind,
          ...(enrolment.device.units ? { units: enrolment.device.units } : {}),
        },
      };
    } catch (error) {
      return fail(errorOf(error));
    }
  };
}

/** Answers the enrolment channel for the app's own window only (the same frame check as the contract's). */
export function registerEnrolScreen(
  ipcMain: IpcMain,
  handle: (request: unknown) => Promise<EnrolResult>,
  isTrustedUrl: FrameCheck,
): void {
  ipcMain.handle(ENROL_CHANNEL, async (event: IpcMainInvokeEvent, request: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame || !isTrustedUrl(frame.url)) return fail('failed');
    return handle(request);
  });
}
