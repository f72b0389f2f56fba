// Whether a runnable Electron binary is present, without triggering electron's download-on-require
// unless asked to (where there is no internet, that download fails).
import { spawnSync } from 'node:child_process';

/** Returns the Electron executable's path, or null with the reason. */
export function electronBinary({ allowDownload = false } = {}) {
  const probe =
    `const fs=require('fs');const p=require('path');const d=p.dirname(require.resolve('electron'));` +
    `const f=p.join(d,'path.txt');if(!${allowDownload}&&!process.env.ELECTRON_OVERRIDE_DIST_PATH&&!(fs.existsSync(f)&&fs.existsSync(p.join(d,'dist',fs.readFileSync(f,'utf8')))))` +
    `{console.error('the Electron binary is not installed (node_modules/electron/dist is missing)');process.exit(3)}` +
    `process.stdout.write(require('electron'))`;
  const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 120_000 });
  if (result.status === 0 && result.stdout) return { path: result.stdout, reason: null };
  const reason =
    (result.stderr || '')
      .trim()
      .split('\n')
      .find((l) => l.trim()) || 'electron could not be loaded';
  return { path: null, reason: inPlainWords(reason) };
}

// Node's download error reads "TypeError: fetch failed", which tells a newcomer nothing.
const NO_NETWORK =
  /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo/i;

export function inPlainWords(reason) {
  if (NO_NETWORK.test(reason))
    return (
      'its binary is not installed (node_modules/electron/dist is missing), and it could not be ' +
      'downloaded: this machine cannot reach the download server (no internet connection)'
    );
  return reason;
}

/** A reason Electron cannot open a window here whatever its binary, or null. */
export function whyElectronCannotRun(env = process.env, platform = process.platform) {
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set), so it cannot open a window';
  return null;
}
