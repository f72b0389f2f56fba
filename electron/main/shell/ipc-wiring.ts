// Every contract handler is registered through this one wrapper: it refuses calls from any frame
// other than our own top-level page, takes the caller's role from which window it is, then
// validates the payload (dispatchInvoke) before the core sees it.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { InvokeHandlers, ViewRole } from '../../../shared/contract';
import { IPC_EVENT, IPC_INVOKE } from '../../../shared/ipc-channels';
import type { ConsoleCore } from '../core/console-core';
import { dispatchInvoke } from '../core/ipc/invoke';
import { forRole } from '../core/ipc/role-filter';

export type FrameCheck = (url: string) => boolean;
/** A window's role, recorded when the shell created it; never taken from what the page says. */
export type RoleOf = (contents: WebContents) => ViewRole | null;

/** The handlers for one caller: the core's, plus the shell's own that act on the calling window. */
export type HandlersFor = (sender: WebContents) => InvokeHandlers;

export function registerContract(
  ipcMain: IpcMain,
  handlersFor: HandlersFor,
  isTrustedUrl: FrameCheck,
  roleOf: RoleOf,
  isLoggedOn: (connection: string) => boolean,
): void {
  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) => {
    const frame = event.senderFrame;
    const role = roleOf(event.sender);
    if (!frame || frame !== event.sender.mainFrame || !isTrustedUrl(frame.url) || role === null) {
      return { ok: false, error: { kind: 'forbidden', message: 'Call from an untrusted frame refused.' } };
    }
    // One logon session per window (webContents); the shell logs it off when the window goes.
    return dispatchInvoke(
      handlersFor(event.sender),
      channel,
      payload,
      { role, connection: connectionOf(event.sender) },
      isLoggedOn,
    );
  });
}

/** Pushes every core event to the given windows, as each window's role may see it. */
export function forwardEvents(core: ConsoleCore, target: () => WebContents[], roleOf: RoleOf): () => void {
  return core.subscribe((event, payload) => {
    for (const contents of target()) {
      const role = roleOf(contents);
      if (contents.isDestroyed() || role === null) continue;
      // As this window may see it: a unit's desk gets its own flags only (core/units/unit-scope.ts).
      const connection = connectionOf(contents);
      const seen = core.eventFor(connection, event, payload);
      if (seen !== undefined)
        contents.send(IPC_EVENT, event, forRole(role, event, seen, core.isLoggedOn(connection)));
    }
  });
}

/** Trusted: our packaged renderer file, or the electron-vite dev server's origin. */
export function trustedUrlCheck(rendererIndexUrl: string, devServerUrl: string | undefined): FrameCheck {
  return (url) => {
    if (devServerUrl) return new URL(url).origin === new URL(devServerUrl).origin;
    return url.split('#')[0] === rendererIndexUrl;
  };
}

/** The logon session key of a window. */
export const connectionOf = (sender: { id: number }) => `window-${sender.id}`;
