// The windows as openWindow makes them, with electron mocked (the binary cannot run here): the wall
// holds a display-sleep blocker while open and the desk an app-suspension blocker, both released on
// close; no window is throttled in the background; a packaged build has no DevTools and no default
// menu. The real-window check of the blocker is in tests/e2e/electron.spec.ts.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const started = new Map<number, string>();
  let next = 1;
  const windows: { options: any; emitter: any }[] = [];
  return {
    started,
    windows,
    displays: [{ bounds: { x: 0, y: 0 } }] as { bounds: { x: number; y: number } }[],
    powerSaveBlocker: {
      start: (type: string) => {
        const id = next++;
        started.set(id, type);
        return id;
      },
      stop: (id: number) => void started.delete(id),
      isStarted: (id: number) => started.has(id),
    },
  };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class BrowserWindow extends Emitter {
    webContents: any;
    minimized = false;
    isDestroyed = () => false;
    isVisible = () => true;
    isMinimized = () => this.minimized;
    constructor(options: unknown) {
      super();
      this.webContents = Object.assign(new Emitter(), { id: electron.windows.length + 100, send: vi.fn() });
      electron.windows.push({ options, emitter: this });
    }
    loadURL = vi.fn(async () => {});
  }
  return {
    BrowserWindow,
    powerSaveBlocker: electron.powerSaveBlocker,
    screen: { getAllDisplays: () => electron.displays },
    net: {},
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  };
});

import { openWindow } from '../../../electron/main/shell/windows';
import { lockDownDevTools, packagedMenuTemplate } from '../../../electron/main/shell/devtools-lockdown';
import { secureWebPreferences } from '../../../electron/main/shell/web-preferences';

const options = { preload: '/p.cjs', devServerUrl: undefined, packaged: true };

beforeEach(() => {
  electron.started.clear();
  electron.windows.length = 0;
  electron.displays = [{ bounds: { x: 0, y: 0 } }];
});

describe('power-save blockers', () => {
  it('the wall holds prevent-display-sleep while open and releases it when it closes', () => {
    electron.displays = [{ bounds: { x: 0, y: 0 } }, { bounds: { x: 1920, y: 0 } }];
    const wall = openWindow('wall', options) as unknown as EventEmitter;
    expect([...electron.started.values()]).toEqual(['prevent-display-sleep']);
    expect(electron.windows[0]!.options).toMatchObject({ kiosk: true, fullscreen: true });
    wall.emit('closed');
    expect(electron.started.size).toBe(0);
  });

  it('a desk holds prevent-app-suspension, released with its window', () => {
    const desk = openWindow('desk', options) as unknown as EventEmitter;
    const wall = openWindow('wall', options) as unknown as EventEmitter;
    expect([...electron.started.values()].sort()).toEqual([
      'prevent-app-suspension',
      'prevent-display-sleep',
    ]);
    desk.emit('closed');
    expect([...electron.started.values()]).toEqual(['prevent-display-sleep']);
    wall.emit('closed');
    expect(electron.started.size).toBe(0);
  });
});

describe('webPreferences of the windows', () => {
  it('desk and wall are never throttled in the background, and packaged windows have no DevTools', () => {
    openWindow('desk', options);
    openWindow('wall', options);
    for (const { options: made } of electron.windows) {
      expect(made.webPreferences).toMatchObject({ backgroundThrottling: false, devTools: false });
    }
  });

  it('a development build keeps DevTools; the default is packaged (fails closed)', () => {
    expect(secureWebPreferences('/p.cjs', { packaged: false }).devTools).toBe(true);
    expect(secureWebPreferences('/p.cjs').devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs').backgroundThrottling).toBe(false);
  });
});

describe('the window state the page cannot see', () => {
  it('tells the page when its window is minimised and restored (visibilityState stays visible)', () => {
    const desk = openWindow('desk', options) as unknown as EventEmitter & {
      minimized: boolean;
      webContents: { send: ReturnType<typeof vi.fn> };
    };
    desk.minimized = true;
    desk.emit('minimize');
    expect(desk.webContents.send).toHaveBeenLastCalledWith('lifeline:event', 'windowShown', {
      visible: false,
    });
    desk.minimized = false;
    desk.emit('restore');
    expect(desk.webContents.send).toHaveBeenLastCalledWith('lifeline:event', 'windowShown', {
      visible: true,
    });
  });
});

describe('no DevTools menu in a packaged app', () => {
  function lockDown(packaged: boolean, platform: NodeJS.Platform) {
    const handlers: Record<string, (...a: any[]) => void> = {};
    const app = { on: vi.fn((name: string, fn: any) => (handlers[name] = fn)) };
    const Menu = {
      setApplicationMenu: vi.fn(),
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
    };
    lockDownDevTools(app as never, Menu as never, { packaged, platform });
    return { handlers, Menu };
  }

  it('removes the menu on Windows and Linux (wall kiosk included: it is the same app menu)', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { Menu } = lockDown(true, platform);
      expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    }
  });

  it('keeps only the app and Edit menus on macOS: no View menu, no toggleDevTools, no reload', () => {
    const { Menu } = lockDown(true, 'darwin');
    const template = JSON.stringify(packagedMenuTemplate('darwin'));
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith({ template: packagedMenuTemplate('darwin') });
    expect(template).not.toMatch(/toggleDevTools|viewMenu|reload|forceReload/i);
    expect(template).toMatch(/"copy"/);
  });

  it('closes DevTools at once should they open anyway', () => {
    const { handlers } = lockDown(true, 'linux');
    const contents = Object.assign(new EventEmitter(), { closeDevTools: vi.fn() });
    handlers['web-contents-created']!({}, contents);
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalledOnce();
  });

  it('leaves a development build alone', () => {
    const { Menu, handlers } = lockDown(false, 'linux');
    expect(Menu.setApplicationMenu).not.toHaveBeenCalled();
    expect(handlers['web-contents-created']).toBeUndefined();
  });
});
