// The desk window and the wall window. The wall opens full-screen and kiosk-style on the chosen
// display (or the last one when there are several); with one display it runs in a normal window.
// A window whose renderer dies or hangs is reloaded: the hash keeps it on its view. Each window holds
// its power-save blocker while it is open (power.ts).
import path from 'node:path';
import { BrowserWindow, powerSaveBlocker, screen } from 'electron';
import type { ViewRole } from '../../../shared/contract';
import { IPC_EVENT } from '../../../shared/ipc-channels';
import { APP_INDEX_URL } from './app-protocol';
import { holdPowerWhileOpen } from './power';
import { secureWebPreferences } from './web-preferences';

export interface WindowOptions {
  /** The window is gone: its logon session ends (the id is its webContents id). */
  onClosed?: (contentsId: number) => void;
  preload: string;
  devServerUrl: string | undefined;
  /** app.isPackaged: a packaged build has no DevTools. */
  packaged: boolean;
  /** Index into screen.getAllDisplays() for the wall; default: the last display. */
  wallDisplay?: number;
  /** Another view than the role's own: 'enrol', the enrolment screen of `--enrol`. */
  view?: 'enrol';
}

const roles = new Map<number, ViewRole>();

export function roleOfContents(contents: Electron.WebContents): ViewRole | null {
  return roles.get(contents.id) ?? null;
}

export function openWindow(role: ViewRole, options: WindowOptions): BrowserWindow {
  const displays = screen.getAllDisplays();
  const wallOnOwnScreen = role === 'wall' && displays.length > 1;
  const display = wallOnOwnScreen
    ? (displays[options.wallDisplay ?? displays.length - 1] ?? displays.at(-1)!)
    : null;
  const window = new BrowserWindow({
    width: 1600,
    height: 1000,
    ...(display ? { x: display.bounds.x, y: display.bounds.y, fullscreen: true, kiosk: true } : {}),
    backgroundColor: '#15181c',
    title: role === 'wall' ? 'Lifeline Console — wall' : 'Lifeline Console',
    autoHideMenuBar: role === 'wall',
    webPreferences: secureWebPreferences(options.preload, { packaged: options.packaged }),
  });
  const contentsId = window.webContents.id;
  roles.set(contentsId, role);
  holdPowerWhileOpen(window, role, powerSaveBlocker);
  window.on('closed', () => {
    roles.delete(contentsId);
    options.onClosed?.(contentsId);
  });

  const load = () => {
    void window.loadURL(`${options.devServerUrl ?? APP_INDEX_URL}#view=${options.view ?? role}`);
  };
  window.webContents.on('render-process-gone', () => load());
  // With backgroundThrottling off, Chromium keeps the page's visibilityState 'visible' even when
  // minimised: the shell says it instead, so the room still sees "desk 2: window hidden".
  const tellShown = () => {
    if (window.isDestroyed()) return;
    window.webContents.send(IPC_EVENT, 'windowShown', {
      visible: window.isVisible() && !window.isMinimized(),
    });
  };
  for (const event of ['minimize', 'restore', 'hide', 'show'] as const) window.on(event as 'show', tellShown);
  window.webContents.on('did-finish-load', tellShown);
  window.on('unresponsive', () => window.webContents.forcefullyCrashRenderer());
  load();
  return window;
}

export function preloadPath(dir: string): string {
  return path.join(dir, '../preload/index.cjs');
}
