// The Electron shell's security settings and IPC wrapper, checked with electron mocked (the binary
// cannot run here). The real-window version of these checks is tests/e2e/electron.spec.ts.
import { describe, expect, it, vi } from 'vitest';
import { secureWebPreferences } from '../../../electron/main/shell/web-preferences';
import { forwardEvents, registerContract, trustedUrlCheck } from '../../../electron/main/shell/ipc-wiring';
import { denyEverythingElse } from '../../../electron/main/shell/hardening';
import { IPC_EVENT, IPC_INVOKE } from '../../../shared/ipc-channels';
import type { InvokeHandlers } from '../../../shared/contract';
import type { ConsoleCore } from '../../../electron/main/core/console-core';

vi.mock('electron', () => ({}));

describe('window webPreferences', () => {
  it('isolates and sandboxes the renderer and lets alarms play without a click', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      autoplayPolicy: 'no-user-gesture-required',
    });
  });
});

describe('IPC wrapper', () => {
  const silenced = { silence: { reason: 'Inspector Testname asked', by: 'Invented Supervisor', untilMs: 1 } };
  const handlers = {
    getSession: vi.fn(async () => ({ training: true, version: 'x', schemaVersion: 1, host: 'electron' })),
    getAlarm: vi.fn(async () => silenced),
  } as unknown as InvokeHandlers;
  // Window 7 has a logged-on operator; every other window has nobody logged on.
  const isLoggedOn = (connection: string) => connection === 'window-7';
  const trusted = 'file:///app/out/renderer/index.html';

  function register() {
    const handle = vi.fn();
    registerContract(
      { handle } as never,
      () => handlers,
      trustedUrlCheck(trusted, undefined),
      (contents) => (contents as unknown as { role?: 'desk' | 'wall' }).role ?? null,
      isLoggedOn,
    );
    expect(handle).toHaveBeenCalledOnce();
    expect(handle.mock.calls[0]![0]).toBe(IPC_INVOKE);
    return handle.mock.calls[0]![1] as (event: unknown, channel: unknown, payload: unknown) => Promise<any>;
  }
  const eventFrom = (url: string, sub = false, role: 'desk' | 'wall' | null = 'desk', id = 1) => {
    const mainFrame = { url };
    return { senderFrame: sub ? { url } : mainFrame, sender: { mainFrame, role, id } };
  };

  it('answers our own top-level page', async () => {
    const handler = register();
    expect(await handler(eventFrom(trusted + '#view=desk'), 'getSession', {})).toMatchObject({ ok: true });
  });

  it('refuses other pages and sub-frames, before validating anything', async () => {
    vi.mocked(handlers.getSession).mockClear();
    const handler = register();
    expect(await handler(eventFrom('https://evil.example/'), 'getSession', {})).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await handler(eventFrom(trusted, true), 'getSession', {})).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(handlers.getSession).not.toHaveBeenCalled();
  });

  it('takes the role from the window: a wall window cannot ask for details, an unknown window nothing', async () => {
    const handler = register();
    expect(await handler(eventFrom(trusted, false, 'wall'), 'getFlagDetail', { id: 'fl_1' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(await handler(eventFrom(trusted, false, null), 'getSession', {})).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it("gives a silence's typed reason and author only to a desk window someone is logged on at", async () => {
    const handler = register();
    const answer = async (id: number) =>
      (await handler(eventFrom(trusted, false, 'desk', id), 'getAlarm', {})).value;
    expect(await answer(7)).toEqual(silenced);
    expect(await answer(8)).toEqual({ silence: { reason: '', by: '', untilMs: 1 } });

    let emit: (event: string, payload: unknown) => void = () => {};
    const core = {
      subscribe: (listener: typeof emit) => ((emit = listener), () => {}),
      isLoggedOn,
      eventFor: (_connection: string, _event: string, payload: unknown) => payload,
    } as unknown as ConsoleCore;
    const windowOf = (id: number) => ({ id, role: 'desk', isDestroyed: () => false, send: vi.fn() });
    const windows = [windowOf(7), windowOf(8)];
    forwardEvents(
      core,
      () => windows as never,
      (contents) => (contents as unknown as { role: 'desk' }).role,
    );
    emit('alarm', silenced);
    expect(windows[0]!.send).toHaveBeenCalledWith(IPC_EVENT, 'alarm', silenced);
    expect(windows[1]!.send).toHaveBeenCalledWith(IPC_EVENT, 'alarm', {
      silence: { reason: '', by: '', untilMs: 1 },
    });
  });

  it('rejects unknown channels and invalid payloads with the field named', async () => {
    const handler = register();
    expect(await handler(eventFrom(trusted), 'exec', {})).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
    expect(await handler(eventFrom(trusted), 'getSession', { extra: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request' },
    });
  });

  it('trusts only the dev server origin in development', () => {
    const check = trustedUrlCheck(trusted, 'http://localhost:5173');
    expect(check('http://localhost:5173/#view=desk')).toBe(true);
    expect(check('http://localhost:5174/')).toBe(false);
  });
});

describe('navigation, windows and permissions', () => {
  it('denies them all', () => {
    const handlers: Record<string, (...a: any[]) => void> = {};
    const app = { on: (name: string, fn: any) => (handlers[name] = fn) };
    let requestHandler: any;
    let checkHandler: any;
    const session = {
      setPermissionRequestHandler: (fn: any) => (requestHandler = fn),
      setPermissionCheckHandler: (fn: any) => (checkHandler = fn),
    };
    denyEverythingElse(app as never, session as never);

    const granted = vi.fn();
    requestHandler(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(checkHandler()).toBe(false);

    const contentsEvents: Record<string, any> = {};
    let openHandler: any;
    handlers['web-contents-created']!(
      {},
      {
        setWindowOpenHandler: (fn: any) => (openHandler = fn),
        on: (n: string, fn: any) => (contentsEvents[n] = fn),
      },
    );
    expect(openHandler()).toEqual({ action: 'deny' });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contentsEvents[name]({ preventDefault });
      expect(preventDefault, name).toHaveBeenCalled();
    }
  });
});
