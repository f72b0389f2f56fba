// Window security settings, as data so a test can check them without Electron.
export function secureWebPreferences(preload: string) {
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
    // Alarm audio must start without a click: at 3 a.m. nobody may have touched the desk yet.
    autoplayPolicy: 'no-user-gesture-required' as const,
  };
}
