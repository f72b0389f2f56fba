// `npm start`: build, then open the console in Electron on the built-in simulator feed. Where the
// Electron binary is missing (no internet to download it), say so and serve the same console to a
// browser on 127.0.0.1 through the headless host instead of crashing.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false });
const build = run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build']);
if (build.status !== 0) process.exit(build.status ?? 1);

const extra = process.argv.slice(2);
const electron = electronBinary({ allowDownload: true });
let child;
if (electron.path) {
  child = spawn(electron.path, ['.', ...extra], { stdio: 'inherit' });
} else {
  console.log(
    `\nElectron cannot run here: its binary is not installed and could not be downloaded (${electron.reason}).`,
  );
  console.log('Serving the same console to a browser on 127.0.0.1 instead (headless host).\n');
  child = spawn(process.execPath, ['bin/lifeline.cjs', 'host', ...extra], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
