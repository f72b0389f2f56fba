// Window security settings, as data so a test can check them without Electron.
export function secureWebPreferences(preload: string, options: { packaged: boolean } = { packaged: true }) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // DevTools let whoever sits at the desk (or walks up to the wall) call window.lifeline by hand:
    // only a development build has them. Defaults to packaged, so a forgotten argument fails closed.
    devTools: !options.packaged,
    // Alarm audio must start without a click: at 3 a.m. nobody may have touched the desk yet.
    autoplayPolicy: 'no-user-gesture-required' as const,
    // A minimised or covered desk (and a wall behind a dialog) must keep its clocks, escalation
    // display and event handling on time: Chromium would otherwise throttle its timers to once a
    // second or once a minute.
    backgroundThrottling: false,
  };
}
