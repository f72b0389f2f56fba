// The Electron shell: windows, IPC wiring, keychain. Everything else is the plain-Node core, started
// the same way the headless host starts it (core/start-console.ts); the database runs in a worker.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, type WebContents } from 'electron';
import { DATABASE_FILE, feedOptionsOf, startConsole, type RunningConsole } from '../core/start-console';
import { resolveHostConfig } from '../core/config/host-config';
import { handoverPdfSaver } from './handover-pdf';
import { connectionOf, forwardEvents, registerContract, trustedUrlCheck } from './ipc-wiring';
import { IPC_CONNECTION } from '../../../shared/ipc-channels';
import { safeStorageKeyProvider } from './safe-storage-key';
import { denyEverythingElse } from './hardening';
import { lockDownDevTools } from './devtools-lockdown';
import { wireDeskAttention } from './attention-wiring';
import { NATIVE_MANIFEST, verifyNativeIntegrity } from './native-integrity';
import { escrowRequest, runEscrowRequest } from './escrow-mode';
import { readPassphrase } from '../cli/key-escrow';
import { authenticateActor } from '../cli/authenticate';
import type { StoreAdmin } from '../core/store/store-admin';
import { APP_INDEX_URL, registerAppScheme, serveAppScheme } from './app-protocol';
import { openWindow, preloadPath, roleOfContents, type WindowOptions } from './windows';
import { startClientMode, type ClientMode } from './client-mode';
import { enrolScreenHandler, registerEnrolScreen } from './enrol-screen';

const rendererDir = path.join(__dirname, '../renderer');
registerAppScheme();
// Only a development build may load its renderer from the electron-vite dev server: in a packaged
// app an environment variable must never be able to point the trusted window at another origin.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
let running: RunningConsole | null = null;

function argValue(args: string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<void> {
  const args = process.argv.slice(1);
  // The key escrow runs beside a running console (SQLite's WAL allows it): it opens no window.
  const escrowMode = args.some((a) => /^--(export|restore)-key-escrow=/.test(a));
  if (!escrowMode && !app.requestSingleInstanceLock()) return app.quit();
  app.enableSandbox();
  await app.whenReady();
  denyEverythingElse(app, session.defaultSession);
  lockDownDevTools(app, Menu, { packaged: app.isPackaged, platform: process.platform });
  serveAppScheme(rendererDir);

  // `--enrol`: the enrolment screen asks for the core's address and code and shows the core's
  // fingerprint to check (enrol-screen.ts); once enrolled the app starts again as that device.
  if (args.includes('--enrol') && argValue(args, 'enrol-code') === undefined) {
    registerEnrolScreen(
      ipcMain,
      enrolScreenHandler({
        safeStorage,
        userDataDir: app.getPath('userData'),
        onStart: () => {
          app.relaunch({ args: process.argv.slice(1).filter((a) => a !== '--enrol') });
          app.exit(0);
        },
      }),
      trustedUrlCheck(APP_INDEX_URL, devServerUrl),
    );
    openWindow('desk', {
      preload: preloadPath(__dirname),
      devServerUrl,
      packaged: app.isPackaged,
      view: 'enrol',
    });
    return;
  }

  // Client mode: this machine is a desk or wall of a room whose core runs elsewhere (client-mode.ts).
  let client: ClientMode | null;
  try {
    client = await startClientMode({
      args,
      userDataDir: app.getPath('userData'),
      safeStorage,
      ipcMain,
      isTrustedUrl: trustedUrlCheck(APP_INDEX_URL, devServerUrl),
      roleOf: roleOfContents,
      argValue,
    });
  } catch (error) {
    dialog.showErrorBox('Lifeline Console cannot join the room', (error as Error).message);
    return app.exit(1);
  }
  if (client) {
    const { relay } = client;
    openWindow(client.device.kind, {
      preload: preloadPath(__dirname),
      devServerUrl,
      packaged: app.isPackaged,
      onClosed: (contentsId) => relay.release({ id: contentsId }),
    });
    return;
  }

  const keyProvider = safeStorageKeyProvider(safeStorage, app.getPath('userData'), {
    platform: process.platform,
    allowWeakBackend: args.includes('--allow-weak-keychain'),
  });
  const dataDir = path.join(app.getPath('userData'), 'data');
  if (app.isPackaged) {
    // Before anything loads the native SQLite module from app.asar.unpacked (native-integrity.ts).
    try {
      verifyNativeIntegrity(
        path.join(__dirname, NATIVE_MANIFEST),
        path.join(process.resourcesPath, 'app.asar.unpacked', 'node_modules'),
      );
    } catch (error) {
      dialog.showErrorBox('Lifeline Console cannot start', (error as Error).message);
      return app.exit(1);
    }
  }
  try {
    // --export-key-escrow=FILE / --restore-key-escrow=FILE (with --by=NAME): do that, then exit.
    const escrow = escrowRequest(args);
    if (escrow) {
      const passphrase = await readPassphrase(escrow.action === 'export');
      const databaseFile = path.join(dataDir, DATABASE_FILE);
      const authenticate = (store: StoreAdmin, by: string) =>
        authenticateActor(store, by, ['administrator'], 'export the key escrow');
      // The app on a shared PostgreSQL (LIFELINE_DATABASE_URL) escrows the key that opens its keyring.
      const { databaseUrl } = resolveHostConfig({}, process.env);
      console.log(
        await runEscrowRequest(escrow, { keyProvider, databaseFile, databaseUrl, passphrase, authenticate }),
      );
      return app.exit(0);
    }
  } catch (error) {
    console.error(`Key escrow: ${(error as Error).message}`);
    return app.exit(1);
  }
  try {
    const config = resolveHostConfig({}, process.env);
    running = await startConsole({
      dataDir,
      keyProvider,
      host: 'electron',
      version: app.getVersion(),
      ...feedOptionsOf(config),
      init: args.includes('--init'),
    });
  } catch (error) {
    dialog.showErrorBox('Lifeline Console cannot start', (error as Error).message);
    return app.exit(1);
  }
  const core = running.core;
  const pdfDeps = {
    dialog,
    windowOf: (contents: WebContents) => BrowserWindow.fromWebContents(contents),
    documentsDir: app.getPath('documents'),
  };
  registerContract(
    ipcMain,
    (sender) => core.handlersWith({ saveHandoverPdf: handoverPdfSaver(sender, pdfDeps) }),
    trustedUrlCheck(APP_INDEX_URL, devServerUrl),
    roleOfContents,
    core.isLoggedOn,
  );
  forwardEvents(running.core, () => BrowserWindow.getAllWindows().map((w) => w.webContents), roleOfContents);
  // The embedded core is reached over IPC, always there: the window's question about its link (asked
  // by the preload for client mode, see remote-core.ts) is answered so, not left without a handler.
  ipcMain.handle(IPC_CONNECTION, () => 'connected');

  const wallDisplay = argValue(args, 'wall-display');
  const windows: WindowOptions = {
    preload: preloadPath(__dirname),
    devServerUrl,
    packaged: app.isPackaged,
    wallDisplay: wallDisplay === undefined ? undefined : Number(wallDisplay),
    onClosed: (contentsId) => void core.endSession(connectionOf({ id: contentsId })).catch(() => {}),
  };
  // --wall: this machine drives a wall screen (alone, or beside the desk with --desk).
  const wall = args.includes('--wall') || process.env.LIFELINE_WALL === '1';
  if (!wall || args.includes('--desk')) {
    const desk = openWindow('desk', windows);
    // Taskbar flash, notification and badge while a flag waits and the desk is not in front.
    wireDeskAttention(core, desk).catch((error: unknown) =>
      console.warn(`desk attention not started: ${(error as Error).name}`),
    );
  }
  if (wall) openWindow('wall', windows);
}

app.on('window-all-closed', () => app.quit());
app.on('before-quit', (event) => {
  if (!running) return;
  event.preventDefault();
  const stopping = running;
  running = null;
  void stopping.stop().finally(() => app.quit());
});

void main();
