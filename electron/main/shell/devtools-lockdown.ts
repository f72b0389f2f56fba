// No DevTools in a packaged app: with them, whoever sits at a desk or walks up to the wall kiosk can
// call window.lifeline by hand, outside every check the page makes (main's checks still hold, but a
// wall window's console must not be a way in at all). Three layers, because each alone has gaps:
// - webPreferences.devTools is false in a packaged build (web-preferences.ts);
// - the default application menu, which carries View > Toggle Developer Tools and its shortcut
//   (Ctrl+Shift+I / F12 are menu accelerators in Electron), is replaced: no menu on Windows/Linux,
//   and on macOS a minimal one (the app menu and Edit, which copy/paste in forms need there);
// - should DevTools open anyway (a future Electron default, a flag), they are closed at once.
// A development build keeps the default menu and DevTools.
import type { App, Menu as MenuType, MenuItemConstructorOptions, WebContents } from 'electron';

/** The menu of a packaged app, or null for none. */
export function packagedMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [
    {
      role: 'appMenu',
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'quit' }],
    },
    {
      role: 'editMenu',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
  ];
}

export function lockDownDevTools(
  app: Pick<App, 'on'>,
  Menu: Pick<typeof MenuType, 'setApplicationMenu' | 'buildFromTemplate'>,
  options: { packaged: boolean; platform: NodeJS.Platform },
): void {
  if (!options.packaged) return;
  const template = packagedMenuTemplate(options.platform);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('devtools-opened', () => contents.closeDevTools());
  });
}
