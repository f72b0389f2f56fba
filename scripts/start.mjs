// `npm start`: build, then open the console in Electron on the built-in simulator feed. Where
// Electron cannot run (no binary and no internet to download it, or no display), say why in plain
// words and serve the same console to a browser on 127.0.0.1 through the headless host instead.
//
// Signals: Ctrl-C reaches the whole process group, but a SIGTERM sent to npm's PID (a service
// manager, a terminal closing, a test) reaches npm alone; npm passes it on to the shell running
// this script, which may die without passing it further. So this script ends its child itself, on
// SIGINT, SIGTERM or SIGHUP, and also when its parent changes (npm or the shell gone without a
// signal reaching us). It exits only after its child has, so nothing is left running.
import { spawn } from 'node:child_process';
import { electronBinary, whyElectronCannotRun } from './electron-binary.mjs';

const extra = process.argv.slice(2);
let child = null;
let stopping = null;

function stop(signal) {
  if (stopping) return;
  stopping = signal;
  if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
  else process.exit(signal === 'SIGINT' ? 130 : 143);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

// npm (or the shell between it and us) may go without a signal reaching us: we are then re-parented.
const parent = process.ppid;
const orphanWatch = setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 1000);
orphanWatch.unref();

function run(cmd, args) {
  child = spawn(cmd, args, { stdio: 'inherit' });
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      child = null;
      resolve({ code, signal });
    }),
  );
}

function exitLike({ code, signal }) {
  if (stopping) process.exit(stopping === 'SIGINT' ? 130 : 143);
  if (signal) process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGKILL' ? 9 : 15));
  process.exit(code ?? 0);
}

if (process.env.LIFELINE_START_NO_BUILD !== '1') {
  const built = await run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build']);
  if (stopping || built.code !== 0) exitLike(built);
}

const cannotRun = whyElectronCannotRun();
const electron = cannotRun ? null : electronBinary({ allowDownload: true });
if (electron?.path) {
  exitLike(await run(electron.path, ['.', ...extra]));
} else {
  console.log(`\nElectron cannot run here: ${cannotRun ?? electron.reason}.`);
  console.log('Serving the same console to a browser on 127.0.0.1 instead (the headless host).\n');
  exitLike(await run(process.execPath, ['bin/lifeline.cjs', 'host', ...extra]));
}
