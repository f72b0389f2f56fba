// Connects DeskAttention (desk-attention.ts) to Electron: the desk window's focus events, system
// notifications, the dock / launcher badge and a tray icon, and the core's queue and alarm events.
import { app, nativeImage, Notification, Tray, type BrowserWindow } from 'electron';
import type { ConsoleCore } from '../core/console-core';
import type { EventPayload } from '../../../shared/contract';
import { IPC_EVENT } from '../../../shared/ipc-channels';
import { DeskAttention, trayText } from './desk-attention';

/** A 16×16 red dot: the tray needs an image, and the packaged app ships no other icon file. */
const TRAY_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAN0lEQVR42mNgoAU4ISf3HxumSDNRhhDSjNcQYjVjNYRUzRiGjBpABQMojkaqJCSqJGWqZCZSAQBtvTnk5sgbpgAAAABJRU5ErkJggg==';

/** The shell's own reads go through the core's public handlers, as a desk without a logon would. */
const SHELL_CONTEXT = { role: 'desk', connection: 'shell-attention' } as const;

export async function wireDeskAttention(core: ConsoleCore, desk: BrowserWindow): Promise<() => void> {
  const language = app.getLocale().toLowerCase().startsWith('hi') ? 'hi' : 'en';
  let tray: Tray | null = null;
  const bringForward = () => {
    if (desk.isDestroyed()) return;
    if (desk.isMinimized()) desk.restore();
    desk.show();
    desk.focus();
  };
  const attention = new DeskAttention(() => (desk.isDestroyed() ? null : desk), {
    language,
    notify(text, onClick) {
      if (!Notification.isSupported()) return { close() {} };
      // silent: the console's own alarm is the sound; a second chime would only confuse.
      const notification = new Notification({ title: text.title, body: text.body, silent: true });
      notification.on('click', onClick);
      notification.show();
      return { close: () => notification.close() };
    },
    setCount(count) {
      // Dock (macOS) and Unity launchers (Linux); false where the platform has no badge (Windows).
      app.setBadgeCount(count);
      if (!tray) {
        tray = new Tray(nativeImage.createFromDataURL(TRAY_ICON));
        tray.on('click', bringForward);
      }
      tray.setToolTip(trayText(count, language));
      if (process.platform === 'darwin') tray.setTitle(count > 0 ? String(count) : '');
    },
    selectFlag(id) {
      if (!desk.isDestroyed()) desk.webContents.send(IPC_EVENT, 'focusFlag', { id });
    },
  });
  const changed = () => attention.onWindowChanged();
  for (const event of ['focus', 'blur', 'minimize', 'restore', 'show', 'hide'] as const)
    desk.on(event as 'focus', changed);
  const unsubscribe = core.subscribe((event, payload) => {
    if (event === 'queueChanged') attention.onQueue((payload as EventPayload<'queueChanged'>).upserts);
    if (event === 'alarm') attention.onAlarm(payload as EventPayload<'alarm'>);
  });
  const [queue, alarm] = await Promise.all([
    core.handlers.listQueue({}, SHELL_CONTEXT),
    core.handlers.getAlarm({}, SHELL_CONTEXT),
  ]);
  attention.seed(queue, alarm);
  return () => {
    unsubscribe();
    tray?.destroy();
  };
}
